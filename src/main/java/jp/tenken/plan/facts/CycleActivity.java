package jp.tenken.plan.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The three activities of the yearly information-security cycle (training, self-inspection,
 * audit) and how a plan item names one: by its word, except inside a compound that names something
 * else. 監査員 (auditors) and 監査委員 (audit commissioners) are people, so 「監査員研修」 is
 * training and 「自己点検結果の監査委員への報告」 is no audit.
 */
public enum CycleActivity {
    TRAINING("研修", "training"),
    SELF_INSPECTION("自己点検", "self-inspection"),
    AUDIT("監査", "audit", "監査員", "監査委員");

    private final String word;
    private final String english;
    private final String[] compounds;

    CycleActivity(String word, String english, String... compounds) {
        this.word = word;
        this.english = english;
        this.compounds = compounds;
    }

    public String word() {
        return word;
    }

    public String english() {
        return english;
    }

    /** Whether the text names the activity somewhere other than inside one of its compounds. */
    public boolean namedIn(String text) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (!compoundAt(text, at)) {
                return true;
            }
        }
        return false;
    }

    private boolean compoundAt(String text, int at) {
        for (String compound : compounds) {
            if (text.startsWith(compound, at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the texts names the activity. */
    public boolean namedInAny(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            if (namedIn(texts.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** 研修・自己点検, for a Japanese message. */
    public static String words(List<CycleActivity> activities) {
        return join(activities, false);
    }

    /** training, self-inspection, for an English message. */
    public static String englishWords(List<CycleActivity> activities) {
        return join(activities, true);
    }

    private static String join(List<CycleActivity> activities, boolean english) {
        StringJoiner words = new StringJoiner(english ? ", " : "・");
        activities.forEach(a -> words.add(english ? a.english : a.word));
        return words.toString();
    }

    /** The activities none of the texts names, in cycle order. */
    public static List<CycleActivity> missingFrom(List<String> texts) {
        List<CycleActivity> missing = new ArrayList<>();
        for (CycleActivity activity : values()) {
            if (!activity.namedInAny(texts)) {
                missing.add(activity);
            }
        }
        return missing;
    }
}
