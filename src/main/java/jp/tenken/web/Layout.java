package jp.tenken.web;

import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.account.Role;
import jp.tenken.organization.OrganizationRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every page's shared layout ({@code views/layout/page.html}) shows: the user's name, roles
 * and organization, and the navigation of what the user's roles may do. Which links appear is
 * asked of {@link Caller}, whose answers come from the one permission table; a page never decides it.
 */
@Singleton
public class Layout {

    /** A link of the navigation. */
    public record Link(String label, String href) {
    }

    private final OrganizationRegistry organizations;

    Layout(OrganizationRegistry organizations) {
        this.organizations = organizations;
    }

    /** The model of a page titled {@code title}, to which the page adds its own entries. */
    public Map<String, Object> model(Caller caller, String title) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("me", Map.of(
                "username", caller.username(),
                "displayName", caller.account().displayName() == null ? caller.username() : caller.account().displayName(),
                "roles", caller.account().roles().stream().map(Layout::roleName).collect(Collectors.joining("・")),
                "organization", organizationName(caller.account().organization())));
        model.put("nav", navigation(caller));
        return model;
    }

    /** The organization's name from the registry, its id when unknown, 全組織 for an admin of all. */
    public String organizationName(String organization) {
        if (organization == null) {
            return "全組織";
        }
        return organizations.nameOf(organization);
    }

    public static String roleName(Role role) {
        return switch (role) {
            case ADMIN -> "管理者";
            case PLAN_EDITOR -> "計画担当者";
            case SECURITY_OFFICER -> "情報セキュリティ担当者";
            case AUDITOR -> "監査担当者";
        };
    }

    private static List<Link> navigation(Caller caller) {
        List<Link> links = new ArrayList<>();
        links.add(new Link("ホーム", "/"));
        if (caller.mayAtAll(Action.INSPECTION_SUBMIT) && caller.account().has(Role.SECURITY_OFFICER)) {
            links.add(new Link("自己点検", "/#departments"));
        }
        if (caller.mayAtAll(Action.PLAN_READ)) {
            links.add(new Link("計画", "/plans"));
        }
        if (caller.mayAtAll(Action.EVALUATION_READ)) {
            links.add(new Link("評価", "/evaluations"));
        }
        // The auditor's pages: the whole organization's compliance list and coverage, recording audits.
        if (caller.mayAtAll(Action.COMPLIANCE_READ) && (caller.account().has(Role.AUDITOR) || caller.account().has(Role.ADMIN))) {
            links.add(new Link("適合状況一覧", "/compliance"));
            links.add(new Link("監査の実施状況", "/audits/coverage"));
        }
        if (caller.mayAtAll(Action.AUDIT_WRITE) && caller.account().has(Role.AUDITOR)) {
            links.add(new Link("監査の記録", "/audits/new"));
        }
        if (caller.mayAtAll(Action.WAIVER_WRITE)) {
            links.add(new Link("適用除外", "/waivers"));
        }
        if (caller.mayAtAll(Action.ADMINISTER)) {
            links.add(new Link("利用者管理", "/admin/users"));
        }
        if (caller.mayAtAll(Action.ACTIVITY_READ)) {
            links.add(new Link("操作履歴", "/admin/activity"));
        }
        if (caller.mayAtAll(Action.CATALOGUE_READ)) {
            links.add(new Link("ルール一覧", "/rules"));
        }
        links.add(new Link("パスワード変更", "/password"));
        return links;
    }
}
