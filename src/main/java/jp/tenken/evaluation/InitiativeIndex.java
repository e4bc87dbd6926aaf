package jp.tenken.evaluation;

import jp.tenken.organization.Department;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.plan.Initiative;
import jp.tenken.plan.InitiativeYear;
import jp.tenken.plan.PlanDocument;
import jp.tenken.text.JapaneseWords;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The initiatives of one plan as a small search index, built once per request: each initiative is
 * a bag of content words (its title, purpose, activities, plan items and the evaluation year's
 * result, each weighted, see {@link TracingSettings}), and each word has the list of initiatives
 * that use it. A result is scored against every initiative with BM25 by walking only the lists of
 * its own words, so tracing grows with the results times the initiatives that share their words,
 * never with every pair.
 */
final class InitiativeIndex {

    /** One initiative that uses a word, and how much (the weighted count over its texts). */
    private record Posting(int initiative, double weight) {
    }

    private final TracingSettings settings;
    private final List<Integer> numbers = new ArrayList<>();
    private double[] lengths = new double[16];
    private final Map<String, List<Posting>> postings = new HashMap<>();
    /** Registry names, aliases and former names of the plan's departments, NFKC, to the initiatives naming the department. */
    private final Map<String, Set<Integer>> departmentInitiatives = new LinkedHashMap<>();
    private double averageLength;

    private InitiativeIndex(TracingSettings settings) {
        this.settings = settings;
    }

    static InitiativeIndex of(PlanDocument plan, int fiscalYear, DepartmentDirectory directory, JapaneseWords words,
                              TracingSettings settings) {
        InitiativeIndex index = new InitiativeIndex(settings);
        for (Initiative initiative : plan.initiatives()) {
            index.add(initiative, fiscalYear, directory, words);
        }
        double total = 0;
        for (int i = 0; i < index.size(); i++) {
            total += index.lengths[i];
        }
        index.averageLength = index.size() == 0 ? 1 : Math.max(total / index.size(), 1e-9);
        return index;
    }

    int size() {
        return numbers.size();
    }

    int number(int initiative) {
        return numbers.get(initiative);
    }

    private void add(Initiative initiative, int fiscalYear, DepartmentDirectory directory, JapaneseWords words) {
        int id = numbers.size();
        numbers.add(initiative.no());
        Map<String, Double> weights = new HashMap<>();
        double length = count(weights, words.terms(initiative.title()), settings.titleWeight());
        length += count(weights, words.terms(initiative.purpose()), settings.purposeWeight());
        length += count(weights, words.terms(initiative.summary()), settings.summaryWeight());
        for (InitiativeYear year : initiative.years()) {
            for (String item : year.plan()) {
                length += count(weights, words.terms(item), settings.planWeight());
            }
            if (year.fiscalYear() != null && year.fiscalYear() == fiscalYear) {
                length += count(weights, words.terms(year.result()), settings.resultWeight());
            }
        }
        if (id == lengths.length) {
            lengths = java.util.Arrays.copyOf(lengths, id * 2);
        }
        lengths[id] = length;
        weights.forEach((word, weight) -> postings.computeIfAbsent(word, w -> new ArrayList<>()).add(new Posting(id, weight)));
        for (String name : initiative.departments()) {
            Optional<Department> department = directory.resolve(name);
            if (department.isPresent() && department.get().group()) {
                continue; // 庁内各課 names every department: it tells nothing of this initiative
            }
            Set<String> names = new LinkedHashSet<>();
            names.add(name);
            department.ifPresent(d -> {
                names.add(d.name());
                names.addAll(d.aliases());
                names.addAll(d.formerNames());
            });
            for (String n : names) {
                departmentInitiatives.computeIfAbsent(normalise(n), k -> new LinkedHashSet<>()).add(id);
            }
        }
    }

    private static double count(Map<String, Double> weights, List<String> words, double weight) {
        for (String word : words) {
            weights.merge(word, weight, Double::sum);
        }
        return words.size() * weight;
    }

    /**
     * The score of the result against every initiative, by position: BM25 over the result's distinct
     * words divided by what the result's words could score at most (the sum of their idf), so that
     * 1.0 means every word of the result is used by the initiative about as often as an average
     * initiative uses a word; plus {@link TracingSettings#departmentBonus()} for each department
     * the result names that the initiative names too.
     */
    double[] scores(String result, List<String> resultWords) {
        double[] scores = new double[numbers.size()];
        int n = numbers.size();
        double possible = 0;
        for (String word : new LinkedHashSet<>(resultWords)) {
            List<Posting> list = postings.get(word);
            int documentFrequency = list == null ? 1 : list.size(); // a word no initiative uses counts as the rarest
            double idf = Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
            possible += idf;
            if (list == null) {
                continue;
            }
            for (Posting posting : list) {
                double tf = posting.weight();
                double norm = settings.k1() * (1 - settings.b() + settings.b() * lengths[posting.initiative()] / averageLength);
                scores[posting.initiative()] += idf * tf * (settings.k1() + 1) / (tf + norm);
            }
        }
        if (possible > 0) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] /= possible;
            }
        }
        if (settings.departmentBonus() != 0 && !departmentInitiatives.isEmpty()) {
            String text = normalise(result);
            for (Map.Entry<String, Set<Integer>> department : departmentInitiatives.entrySet()) {
                if (text.contains(department.getKey())) {
                    for (int initiative : department.getValue()) {
                        scores[initiative] += settings.departmentBonus();
                    }
                }
            }
        }
        return scores;
    }

    private static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
