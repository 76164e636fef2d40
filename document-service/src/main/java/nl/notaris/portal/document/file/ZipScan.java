package nl.notaris.portal.document.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip archive as a stream, entry by entry, unpacking nothing to disk or memory: the names of
 * its entries, and whether one is a program or a script, by its name or by its first bytes. Bounded,
 * so that a zip bomb costs little: at most {@value #MAX_ENTRIES} entries, at most 512 MB unpacked,
 * and never more than {@value #MAX_RATIO} times the bytes read packed.
 */
final class ZipScan {

    enum Outcome {
        SOUND, CARRIES_PROGRAM, TOO_LARGE, UNREADABLE
    }

    /** What the archive was found to be, and the names of its entries (all of them when SOUND). */
    record Result(Outcome outcome, List<String> names) {

        boolean has(String name) {
            return names.contains(name);
        }
    }

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_UNPACKED = 512L * 1024 * 1024;
    /** Office files pack their XML ten to thirty times; a zip bomb thousands of times. */
    static final int MAX_RATIO = 100;
    private static final long RATIO_CHECKED_FROM = 1024 * 1024;
    /** The central directory and its end record must lie in the last this many bytes (2,000 entries fit). */
    private static final int TAIL = 1024 * 1024;

    private static final Set<String> PROGRAM_EXTENSIONS = Set.of("exe", "dll", "bat", "cmd", "com", "js", "vbs",
            "ps1", "sh", "scr", "msi", "jar", "html", "htm", "hta");

    private ZipScan() {
    }

    static Result of(InputStream in) {
        Tail packed = new Tail(in);
        List<String> names = new ArrayList<>();
        byte[] buffer = new byte[8192];
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(packed)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (names.size() == MAX_ENTRIES) {
                    return new Result(Outcome.TOO_LARGE, names);
                }
                names.add(entry.getName());
                if (!entry.isDirectory() && hasProgramExtension(entry.getName())) {
                    return new Result(Outcome.CARRIES_PROGRAM, names);
                }
                byte[] head = new byte[4];
                int headLength = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    int copied = Math.min(head.length - headLength, read);
                    System.arraycopy(buffer, 0, head, headLength, copied);
                    headLength += copied;
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED
                            || unpacked > RATIO_CHECKED_FROM && unpacked > MAX_RATIO * packed.count()) {
                        return new Result(Outcome.TOO_LARGE, names);
                    }
                }
                if (isProgram(head, headLength)) {
                    return new Result(Outcome.CARRIES_PROGRAM, names);
                }
            }
            // the stream shows the entries' local headers; a reader (Word, Explorer) goes by the central
            // directory: an entry only it lists would not have been looked at
            while (packed.read(buffer, 0, buffer.length) >= 0) {
                // to the end: the central directory comes last
            }
            List<String> listed = packed.centralDirectoryNames();
            if (listed == null || !sorted(listed).equals(sorted(names))) {
                return new Result(Outcome.UNREADABLE, names);
            }
        } catch (IOException | IllegalArgumentException notAReadableZip) {
            return new Result(Outcome.UNREADABLE, names);
        }
        return new Result(Outcome.SOUND, List.copyOf(names));
    }

    private static boolean hasProgramExtension(String entryName) {
        String name = entryName.substring(Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\')) + 1);
        // Windows ignores trailing dots and spaces: "run.exe. " is run.exe
        name = name.replaceAll("[. ]+$", "").toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && PROGRAM_EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** A Windows program starts with MZ, a Linux one with 0x7F ELF. */
    private static boolean isProgram(byte[] head, int length) {
        return length >= 2 && head[0] == 'M' && head[1] == 'Z'
                || length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    /** Counts the packed bytes read and keeps the last {@link #TAIL} of them, where the central directory is. */
    private static final class Tail extends FilterInputStream {

        private final byte[] ring = new byte[TAIL];
        private long count;

        Tail(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] { (byte) b }, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            if (read > 0) {
                keep(b, off, read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(read, 0);
        }

        private void keep(byte[] b, int off, int len) {
            if (len >= TAIL) {
                off += len - TAIL;
                count += len - TAIL;
                len = TAIL;
            }
            int at = (int) (count % TAIL);
            int first = Math.min(len, TAIL - at);
            System.arraycopy(b, off, ring, at, first);
            System.arraycopy(b, off + first, ring, 0, len - first);
            count += len;
        }

        /** The names the end-of-central-directory record and the directory list; null when they are not sound. */
        List<String> centralDirectoryNames() {
            int length = (int) Math.min(count, TAIL);
            byte[] tail = new byte[length];
            int start = (int) ((count - length) % TAIL);
            int first = Math.min(length, TAIL - start);
            System.arraycopy(ring, start, tail, 0, first);
            System.arraycopy(ring, 0, tail, first, length - first);
            int end = -1;
            for (int at = length - 22; at >= Math.max(0, length - 22 - 0xffff); at--) {
                if (int32(tail, at) == 0x06054b50) {
                    end = at;
                    break;
                }
            }
            if (end < 0) {
                return null;
            }
            int entries = int16(tail, end + 10);
            long size = int32(tail, end + 12) & 0xffffffffL;
            int at = (int) (end - size);
            if (size > end || entries > MAX_ENTRIES) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                if (at + 46 > end || int32(tail, at) != 0x02014b50) {
                    return null;
                }
                int nameLength = int16(tail, at + 28);
                int next = at + 46 + nameLength + int16(tail, at + 30) + int16(tail, at + 32);
                if (next > end) {
                    return null;
                }
                names.add(new String(tail, at + 46, nameLength, StandardCharsets.UTF_8));
                at = next;
            }
            return at == end ? names : null;
        }

        private static int int16(byte[] b, int at) {
            return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
        }

        private static int int32(byte[] b, int at) {
            return int16(b, at) | int16(b, at + 2) << 16;
        }
    }
}
