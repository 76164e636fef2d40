package nl.notaris.portal.dossier.progress;

import java.util.List;

/** "Voortgang (done/total)": (0/0) when the dossier has no progress list. */
public record Progress(int done, int total, List<ProgressStep> steps) {

    public static Progress of(List<ProgressStep> steps) {
        int done = (int) steps.stream().filter(ProgressStep::done).count();
        return new Progress(done, steps.size(), steps);
    }

    /** What a client sees of it ({@link ProgressStep#forClient()}). */
    public Progress forClient() {
        return new Progress(done, total, steps.stream().map(ProgressStep::forClient).toList());
    }

    /** What an adviser sees of it: the steps, without what the office asks of the client ({@code request}). */
    public Progress forAdviser() {
        return new Progress(done, total, steps.stream().map(step -> step.withRequest(null)).toList());
    }
}
