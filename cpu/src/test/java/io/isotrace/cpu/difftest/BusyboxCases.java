package io.isotrace.cpu.difftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The busybox cases of the differential harness: {@code busybox sh -c SCRIPT} in a small fixture directory made at
 * test time (so ls and cat see the same stable files in both emulators: qemu runs in it, Isotrace runs with it as
 * --root). Each case exercises applets the issue names, and the shell's pipelines, subshells and command
 * substitution.
 */
final class BusyboxCases {
    /**
     * One case: a name for reports, the script, what it reads on stdin, and whether the fixture needs a /bin with
     * busybox and its applet links (for applets that exec others by PATH, like tar -z running gzip; under qemu the
     * applet wrappers play that part).
     */
    record Case(String name, String script, String stdin, boolean bin) {
        Case(String name, String script, String stdin) {
            this(name, script, stdin, false);
        }
    }

    static final List<Case> CASES = List.of(
        new Case("echo", "echo hello world; echo -n no-newline; echo; echo 'a  b' \"c\"", ""),
        new Case("printf", "printf '%s=%d\\n' x 42 y -7; printf '%5s|%-5s|%05d|%x|%o|%c\\n' ab cd 42 255 8 z", ""),
        new Case("printf-float", "printf '%.3f %e %g\\n' 3.14159 12345.678 0.0001", ""),
        new Case("seq", "seq 5; seq 3 3 12; seq 5 -2 -3", ""),
        new Case("sha256sum", "echo abc | sha256sum; sha256sum a.txt dir/b.txt", ""),
        new Case("md5sum", "printf hello | md5sum; md5sum a.txt", ""),
        new Case("sha256-large", "seq 1 20000 | sha256sum", ""),
        new Case("gzip-roundtrip", "seq 1 3000 | gzip -c | gunzip -c | tail -n 3; seq 1 3000 | gzip -c | gunzip -c "
                + "| md5sum", ""),
        new Case("gzip-size", "seq 1 500 | gzip -9 -c | wc -c; cat a.txt | gzip -c | gzip -dc", ""),
        new Case("sort", "sort numbers.txt; sort -n numbers.txt; sort -rn numbers.txt; sort -t, -k2 csv.txt", ""),
        new Case("sort-stdin", "sort -u", "pear\napple\nfig\napple\n"),
        new Case("uniq", "printf 'a\\na\\nb\\nb\\nb\\nc\\na\\n' | uniq -c; printf 'x\\nx\\ny\\n' | uniq -d", ""),
        new Case("sed", "seq 1 6 | sed -e 's/3/three/' -e '/5/d' -e '2i\\\\\ninserted'; sed -n '2p' a.txt", ""),
        new Case("awk", "seq 1 10 | awk '{s+=$1} END {print s, s/NR, NR}'; awk -F, '{print $2 \":\" $1}' csv.txt", ""),
        new Case("awk-printf", "awk 'BEGIN {for (i = 1; i <= 5; i++) printf \"%d^2=%d %.2f\\n\", i, i*i, i/3}'", ""),
        new Case("wc", "printf 'one two\\nthree\\n' | wc; wc -l a.txt; wc -c < a.txt", ""),
        new Case("tr", "echo hello | tr a-z A-Z; echo 'a-b-c' | tr -d -; echo aabbcc | tr -s abc", ""),
        new Case("expr", "expr 6 \\* 7; expr length abcdef; expr 17 % 5; expr abc : 'a\\(.\\)'", ""),
        new Case("cat", "cat a.txt dir/b.txt; cat -n a.txt", ""),
        new Case("cat-missing", "cat missing.txt; echo status $?", ""),
        new Case("ls", "ls; ls -a; ls -1 dir; ls -F", ""),
        new Case("ls-recursive", "ls -R", ""),
        new Case("pipeline", "seq 1 100 | grep 7 | wc -l; seq 1 1000 | sort -rn | head -n 3", ""),
        new Case("subshell", "(echo a; echo b) | cat; (cd dir && ls); (exit 3); echo $?", ""),
        new Case("command-substitution", "x=$(echo sub | tr a-z A-Z); echo \"$x\"; echo $(echo $(seq 3)); "
                + "n=$(wc -l < a.txt); echo lines=$n", ""),
        new Case("arithmetic", "i=0; while [ $i -lt 5 ]; do i=$((i+1)); printf '%d ' $((i*i)); done; echo; "
                + "for w in x y z; do echo $w; done", ""),
        new Case("yes-head", "yes | head -n 3; yes abc | head -c 10; echo", ""),
        new Case("exit-status", "false; echo $?; true; echo $?; sh -c 'exit 7'; echo $?", ""),
        new Case("heredoc", "cat <<EOF\nline one\n$((2+3))\nEOF\nread a b <<EOF\nfirst second\nEOF\necho $b $a", ""),
        new Case("stdin", "tr a-z A-Z; echo done", "from stdin\nsecond line\n"),
        new Case("text-tools", "head -n 2 a.txt; tail -n 1 a.txt; cut -d, -f1 csv.txt; echo abc | od -An -tx1; "
                + "printf 'b\\na\\n' | tac 2>/dev/null || true", ""),
        new Case("find-test", "find . -name '*.txt' | sort; test -f a.txt && echo file; test -d dir && echo dir; "
                + "[ -L link ] && echo link; cat link", ""),
        new Case("big-pipe", "seq 1 100000 | md5sum; seq 1 50000 | awk '{n++} END {print n}'", ""),
        new Case("background-wait", "(sleep 0; echo bg) & wait; echo after", ""),
        // Under qemu the order is decided by real time: a wide margin keeps a loaded CI machine from swapping them.
        new Case("sleep-order", "(sleep 1; echo slow) & (sleep 0.1; echo fast) & wait; echo done", ""),
        new Case("read-loop", "n=0; while read line; do n=$((n+1)); echo \"$n: $line\"; done < a.txt; "
                + "printf '1 2\n3 4\n' | while read x y; do echo $((x*y)); done", ""),
        new Case("functions-case", "f() { local v=$1; case $v in a*) echo starts-a;; *) echo other;; esac; "
                + "return 4; }; f apple; f pear; echo ret $?; set -- x y z; echo $# $2 \"$@\"", ""),
        new Case("traps", "trap 'echo bye' EXIT; trap 'echo got-usr1' USR1; kill -USR1 $$; echo after", ""),
        // Whether ash prints "Terminated" depends on which of its waits reaps the child first (a race under
        // qemu too: seen both ways), so the job message is discarded; the exit status 143 is what is compared.
        new Case("kill-background", "{ sleep 10 & pid=$!; kill -TERM $pid; wait $pid; echo status $?; } 2>/dev/null", ""),
        new Case("redirections", "echo out; echo err >&2; { echo both; echo both-err >&2; } 2>&1 | sort; "
                + "ls missing-file 2>/dev/null || echo missing", ""),
        new Case("write-files", "echo hello > new.txt; echo more >> new.txt; cat new.txt; mkdir -p d/e; "
                + "cp new.txt d/e/; mv d/e/new.txt d/e/moved.txt; ls -R d; rm -r d; ls; "
                + "sed -i 's/hello/HELLO/' new.txt; cat new.txt; tee t1.txt < a.txt | wc -l; cat t1.txt", ""),
        new Case("gzip-files", "cp a.txt g.txt; gzip g.txt; ls g.txt* ; gunzip g.txt.gz; cat g.txt; "
                + "seq 1 300 > s.txt; gzip -9 s.txt; gzip -t s.txt.gz && echo intact; zcat s.txt.gz | tail -n 1", ""),
        new Case("devices", "dd if=/dev/zero bs=1024 count=4 2>/dev/null | wc -c; head -c 100 /dev/urandom | wc -c; "
                + "echo gone > /dev/null; cat /dev/null | wc -c", ""),
        new Case("checksums", "sha1sum a.txt; sha512sum a.txt; echo abc | base64; "
                + "echo YWJjCg== | base64 -d; echo hi | hexdump -C", ""),
        new Case("more-text", "printf '3\n1\n2\n' | sort | paste -s -d,; seq 1 5 | nl; echo 'a b c' | rev; "
                + "printf 'x\ny\n' > p1; printf '1\n2\n' > p2; paste p1 p2; basename /a/b/c.txt .txt; "
                + "dirname /a/b/c.txt; echo hello | fold -w 2 | head -n 2; grep -c a a.txt; grep -E 'al|ga' a.txt", ""),
        new Case("awk-more", "echo 'the quick brown fox' | awk '{n=split($0, w, \" \"); for (i = n; i > 0; i--) "
                + "printf \"%s%s\", toupper(substr(w[i],1,1)) substr(w[i],2), (i > 1 ? \" \" : \"\\n\")}'; "
                + "awk 'BEGIN {x[\"b\"]=2; x[\"a\"]=1; print length(x), int(7/2), 7%3, 2^10, sqrt(16)}'", ""),
        new Case("tar", "tar cf - dir a.txt | tar tf - | sort; tar cf - a.txt | tar xOf -; tar czf t.tgz dir; "
                + "mkdir x; tar xzf t.tgz -C x; ls -R x", "", true),
        new Case("script-files", "printf 'echo plain $1\\n' > p.sh; chmod +x p.sh; sh p.sh two; "
                + "printf '#!/bin/sh\\necho shebang $# \"$@\"\\nexit 5\\n' > s.sh; chmod 755 s.sh; ./s.sh a b; "
                + "echo status $?; ./nonexistent; echo status $?; chmod -x p.sh; ./p.sh; echo status $?", "", true),
        new Case("du-stat", "du -a . | sort -k2; stat -c '%s %F %a %h' a.txt dir link; readlink link", ""),
        new Case("bc-dc", "echo '1+2*3' | bc; echo 'scale=3; 10/3' | bc; dc -e '2 3 + p'", ""),
        new Case("tee-stderr", "printf '%s\\n' c a b | sort | tee /dev/stderr | wc -l", ""),
        new Case("diff-cmp", "printf 'a\nb\nc\n' > x1; printf 'a\nB\nc\n' > x2; diff x1 x2; echo $?; "
                + "cmp x1 x2; echo $?; cmp x1 x1 && echo same", "")
    );

    private BusyboxCases() {
    }

    /** Makes the fixture the cases run in; with {@code bin}, also bin/busybox and a link per applet. */
    static Path fixture(Path parent, boolean bin, List<String> applets) throws IOException {
        Path f = fixture(parent);
        if (bin) {
            Path b = Files.createDirectories(f.resolve("bin"));
            try {
                Files.createLink(b.resolve("busybox"), Tools.BUSYBOX);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(Tools.BUSYBOX, b.resolve("busybox"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
            for (String a : applets) {
                if (!a.equals("busybox")) {
                    Files.createSymbolicLink(b.resolve(a), Path.of("busybox"));
                }
            }
        }
        return f;
    }

    /** Makes the fixture the cases run in. */
    static Path fixture(Path parent) throws IOException {
        Path f = Files.createDirectories(parent.resolve("fixture"));
        Files.writeString(f.resolve("a.txt"), "alpha\nbeta\ngamma\n");
        Files.writeString(f.resolve("numbers.txt"), "10\n2\n33\n4\n");
        Files.writeString(f.resolve("csv.txt"), "b,2\na,1\nc,3\n");
        Files.createDirectories(f.resolve("dir/nested"));
        Files.createDirectories(f.resolve("empty"));
        Files.writeString(f.resolve("dir/b.txt"), "bee\n");
        Files.writeString(f.resolve("dir/nested/c.txt"), "sea\n");
        Files.createSymbolicLink(f.resolve("link"), Path.of("a.txt"));
        return f.toRealPath();
    }
}
