package nl.notaris.portal.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile as the builder sees it for given {@code --build-arg}s: continuation lines joined, and {@code $NAME} /
 * {@code ${NAME}} replaced where Docker replaces them (in FROM, COPY, ADD, ENV, EXPOSE, LABEL, USER, WORKDIR, VOLUME,
 * STOPSIGNAL; not in RUN, CMD, ENTRYPOINT, which a shell or nobody expands), by the value of an ARG declared in
 * the same stage (or, in FROM lines, before the first FROM) or of an ENV set before. An ARG a stage does not declare
 * is empty there, as in Docker: forgetting to re-declare one after FROM shows up as an empty value.
 */
final class Dockerfiles {

    private static final Set<String> EXPANDING = Set.of("FROM", "COPY", "ADD", "ENV", "EXPOSE", "LABEL", "USER", "WORKDIR",
            "VOLUME", "STOPSIGNAL", "ONBUILD");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    private Dockerfiles() {
    }

    /** The instructions (one line each, comments dropped) with the build arguments filled in. */
    static String instantiate(String dockerfile, Map<String, String> buildArgs) {
        List<String> instructions = instructions(dockerfile);
        Map<String, String> global = new HashMap<>();
        Map<String, String> scope = global;
        boolean beforeFirstFrom = true;
        StringBuilder out = new StringBuilder();
        for (String instruction : instructions) {
            String keyword = instruction.split("\\s+", 2)[0].toUpperCase();
            String rest = instruction.substring(keyword.length()).strip();
            if (keyword.equals("FROM")) {
                rest = expand(rest, global);
                scope = new HashMap<>();
                beforeFirstFrom = false;
            } else if (keyword.equals("ARG")) {
                String[] nameAndDefault = rest.split("=", 2);
                String name = nameAndDefault[0].strip();
                String value = buildArgs.containsKey(name) ? buildArgs.get(name)
                        : nameAndDefault.length > 1 ? unquote(expand(nameAndDefault[1].strip(), scope))
                        : beforeFirstFrom ? null : global.get(name);
                if (value != null) {
                    scope.put(name, value);
                } else {
                    scope.remove(name);
                }
            } else if (EXPANDING.contains(keyword)) {
                rest = expand(rest, scope).replaceAll("\\s+", " ").strip();
                if (keyword.equals("ENV")) {
                    Matcher assignment = ASSIGNMENT.matcher(rest);
                    while (assignment.find()) {
                        scope.put(assignment.group(1), unquote(assignment.group(2)));
                    }
                }
            }
            out.append(keyword).append(rest.isEmpty() ? "" : " " + rest).append('\n');
        }
        return out.toString();
    }

    /** Logical instructions: comments and blank lines dropped, lines ending in a backslash joined with the next. */
    static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        if (!current.isEmpty()) {
            instructions.add(current.toString().strip());
        }
        return instructions;
    }

    private static String expand(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(name, "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
