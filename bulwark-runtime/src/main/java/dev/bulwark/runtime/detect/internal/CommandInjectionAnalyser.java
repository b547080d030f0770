package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;

/**
 * OS command injection, Unix and Windows. Finds the places a shell starts a new command — after
 * {@code ;}, {@code |}, {@code ||}, {@code &}, {@code &&}, a newline, inside {@code `…`} and
 * {@code $(…)} — and reads the command word there the way a shell would, through quote splitting
 * ({@code c'a't}), backslashes, {@code ${IFS}} and a directory prefix ({@code /bin/cat}, {@code
 * C:\Windows\System32\cmd.exe}). A known command reports when its arguments look like a command
 * line (nothing, an option, a path, a redirection, a variable, a URL or a number), so "cats & dogs"
 * or "a=1&id=2" do not. {@code ${IFS}} and Shellshock's {@code () {} are reported on their own.
 */
public final class CommandInjectionAnalyser extends Analyser {

  private static final int MAX_ARGUMENT = 256;

  private static final WordTable COMMANDS =
      WordTable.set(
          // Unix
          "cat", "id", "whoami", "uname", "ls", "pwd", "wget", "curl", "nc", "ncat", "netcat",
          "bash", "sh", "zsh", "ksh", "dash", "csh", "tcsh", "ping", "nslookup", "dig", "sleep",
          "python", "python2", "python3", "perl", "ruby", "php", "node", "lua", "rm", "chmod",
          "chown", "touch", "echo", "printf", "ifconfig", "env", "printenv", "ps", "kill",
          "killall", "crontab", "base64", "xxd", "head", "tail", "less", "find", "awk", "gawk",
          "sed", "grep", "telnet", "ssh", "scp", "tftp", "socat", "mkfifo", "busybox", "useradd",
          "sudo", "su", "hostname", "systemctl", "nohup", "eval", "exec", "xterm", "timeout",
          "tee", "cp", "mv", "tar", "uptime", "who", "last", "export", "mknod", "nmap", "openssl",
          "od", "strings", "cut", "xargs", "sort", "uniq", "wc", "passwd", "shutdown", "reboot",
          "halt", "getent", "lsof", "netstat", "ss", "iptables", "dd", "gcc", "java", "jrunscript",
          // Windows
          "cmd", "powershell", "pwsh", "dir", "type", "net", "ipconfig", "systeminfo", "tasklist",
          "taskkill", "ver", "certutil", "bitsadmin", "wmic", "reg", "regsvr32", "rundll32",
          "mshta", "cscript", "wscript", "schtasks", "findstr", "del", "copy", "start", "msiexec",
          "net1", "query", "quser", "wevtutil", "vssadmin", "icacls", "attrib", "more");

  /** Commands that do something without arguments: the only ones a bare "; name" runs. */
  private static final WordTable ARGUMENTLESS =
      WordTable.set(
          "id", "whoami", "uname", "ls", "pwd", "ps", "env", "printenv", "ifconfig", "ipconfig",
          "hostname", "ver", "systeminfo", "tasklist", "dir", "netstat", "reboot", "shutdown",
          "halt", "uptime", "who", "last", "bash", "sh", "zsh", "ksh", "dash", "csh", "tcsh",
          "cmd", "powershell", "pwsh", "net", "query", "quser", "getent", "lsof", "busybox",
          "python", "python3", "perl", "ruby", "php", "node", "nc", "ncat", "telnet", "xterm");

  @Override
  public int triggers() {
    return Subject.SEMICOLON | Subject.PIPE | Subject.AMP | Subject.BACKTICK | Subject.DOLLAR
        | Subject.CRLF | Subject.LPAREN;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.COMMAND_INJECTION;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    for (int v = 0; v < subject.count(); v++) {
      int f = subject.features(v);
      if ((f & (Subject.SEMICOLON | Subject.PIPE | Subject.AMP | Subject.BACKTICK
              | Subject.DOLLAR | Subject.CRLF | Subject.LPAREN)) == 0) {
        continue;
      }
      String s = subject.text(v);
      String l = subject.lower(v);
      if ((f & Subject.DOLLAR) != 0 && ifs(l, v, out)) {
        return;
      }
      if ((f & Subject.LPAREN) != 0 && shellshock(l, v, out)) {
        return;
      }
      if ((f & (Subject.SEMICOLON | Subject.PIPE | Subject.AMP | Subject.CRLF | Subject.BACKTICK))
          != 0 || subject.hasPair(v, Subject.P_DOLLAR_PAREN)) {
        if (separators(s, l, v, out)) {
          return;
        }
      }
    }
  }

  private static boolean ifs(String l, int v, Findings out) {
    int i = l.indexOf("${ifs}");
    if (i < 0) {
      i = l.indexOf("$ifs$");
    }
    if (i < 0) {
      return false;
    }
    out.report(AttackClass.COMMAND_INJECTION, "cmdi.ifs-evasion", 0.9, v, i,
        Math.min(l.length(), i + 32));
    return true;
  }

  private static boolean shellshock(String l, int v, Findings out) {
    int i = l.indexOf("()");
    while (i >= 0) {
      int j = i + 2;
      while (j < l.length() && l.charAt(j) == ' ') {
        j++;
      }
      if (j < l.length() && l.charAt(j) == '{') {
        int close = l.indexOf('}', j);
        if (close > 0 && close + 1 < l.length() && l.indexOf(';', close) >= 0
            && l.substring(j, close).contains(":;")) {
          out.report(AttackClass.COMMAND_INJECTION, "cmdi.shellshock", 0.95, v, i,
              Math.min(l.length(), i + 48));
          return true;
        }
      }
      i = l.indexOf("()", i + 2);
    }
    return false;
  }

  private static boolean separators(String s, String l, int v, Findings out) {
    int n = l.length();
    for (int i = 0; i < n; i++) {
      char c = l.charAt(i);
      int start;
      boolean substitution = false;
      // after a line break or a '&' glued to words (a=1&id=2), only a clear command line counts
      boolean needsStrong;
      if (c == '&' && i + 1 < n && (l.charAt(i + 1) == '#' || HtmlEntities.decodeAt(l, i,
          new int[1]) >= 0)) {
        continue; // a character reference (&#10; &NewLine;), not a shell separator
      }
      if (c == ';' || c == '|' || c == '&' || c == '\n' || c == '\r') {
        start = i + 1;
        boolean doubled = start < n && (l.charAt(start) == '|' || l.charAt(start) == '&');
        if (doubled) {
          start++;
        }
        boolean spaced = (i > 0 && l.charAt(i - 1) == ' ') || (start < n && l.charAt(start) == ' ');
        needsStrong = c == '\n' || c == '\r' || (c == '&' && !doubled && !spaced);
      } else if (c == '`') {
        start = i + 1;
        substitution = true;
        needsStrong = false;
      } else if (c == '$' && i + 1 < n && l.charAt(i + 1) == '(') {
        start = i + 2;
        substitution = true;
        needsStrong = false;
      } else {
        continue;
      }
      int sep = i;
      int[] word = new int[2];
      int afterWord = commandWord(s, start, word);
      if (afterWord < 0) {
        continue;
      }
      String name = plainWord(s, word[0], word[1])
          ? (COMMANDS.contains(s, word[0], word[1]) ? l.substring(word[0], word[1]) : "")
          : basename(s, word[0], word[1]);
      if (name.isEmpty() || !COMMANDS.contains(name)) {
        continue;
      }
      if (afterWord < n && l.charAt(afterWord) == '=') {
        continue; // a key=value pair after '&' or ';', not a command
      }
      if (substitution) {
        int window = afterWord + MAX_ARGUMENT;
        int close = Ascii.indexOf(l, c == '`' ? "`" : ")", afterWord, window);
        if (close >= 0 && arguments(l, afterWord, Math.min(close, afterWord + MAX_ARGUMENT)) > 0) {
          out.report(AttackClass.COMMAND_INJECTION, "cmdi.command-substitution", 0.9, v, sep,
              close + 1);
          return true;
        }
        continue;
      }
      int strength = arguments(l, afterWord, Math.min(n, afterWord + MAX_ARGUMENT));
      if (strength == 1 && endsCommand(l, afterWord) && !ARGUMENTLESS.contains(name)) {
        strength = 0; // "& del", "; cat" with nothing after: those need an argument to do harm
      }
      if (strength > 1 || strength == 1 && !needsStrong) {
        out.report(AttackClass.COMMAND_INJECTION, "cmdi.chained-command", 0.9, v, sep,
            Math.min(n, afterWord + 32));
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the command word from {@code i} as a shell would (blanks, quotes, backslashes and
   * {@code ${IFS}} skipped or removed); sets {@code word} to its raw range and returns the index
   * after it, or -1.
   */
  private static int commandWord(String s, int i, int[] word) {
    int n = s.length();
    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '{'
        || s.charAt(i) == '(' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
      i++;
    }
    int start = i;
    while (i < n && i - start < 128) {
      char c = s.charAt(i);
      if (Ascii.isAlnum(c) || c == '/' || c == '\\' || c == '.' || c == '_' || c == '-'
          || c == '\'' || c == '"' || c == ':' || c >= 0x80) {
        i++;
      } else {
        break;
      }
    }
    if (i == start) {
      return -1;
    }
    word[0] = start;
    word[1] = i;
    return i;
  }

  /** A word of letters and digits only: its own name, no quotes, escapes or directories. */
  private static boolean plainWord(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Ascii.isAlnum(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether nothing but blanks, a separator or the end follows {@code from}. */
  private static boolean endsCommand(String l, int from) {
    int i = from;
    while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
      i++;
    }
    if (i >= l.length()) {
      return true;
    }
    char c = l.charAt(i);
    return c == ';' || c == '&' || c == '|' || c == '\n' || c == '\r' || c == '#' || c == ')'
        || c == '`';
  }

  /** The command name: quotes and backslash escapes removed, directory and .exe dropped. */
  private static String basename(String s, int from, int to) {
    StringBuilder b = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        continue;
      }
      if (c == '\\' && i + 1 < to && Ascii.isLetter(s.charAt(i + 1))
          && (i == from || s.charAt(i - 1) != ':')) {
        // c\at: a backslash before a letter is dropped by the shell; C:\ is a Windows path
        if (b.length() > 0 && !isPathLike(b)) {
          continue;
        }
      }
      b.append(Ascii.lower(c));
    }
    String w = b.toString().replace('\\', '/');
    int slash = w.lastIndexOf('/');
    if (slash >= 0) {
      w = w.substring(slash + 1);
    }
    if (w.endsWith(".exe") || w.endsWith(".com")) {
      w = w.substring(0, w.length() - 4);
    }
    return w;
  }

  private static boolean isPathLike(StringBuilder b) {
    return b.indexOf("/") >= 0 || b.indexOf(":") >= 0;
  }

  /**
   * How much what follows the command word looks like its arguments: 2 for an option, a path, a
   * redirection, a pipe, a variable or a URL; 1 for nothing, a separator, a number, a quoted
   * string or a file name with an extension; 0 for a plain word ("cat lovers").
   */
  static int arguments(String l, int from, int to) {
    int i = from;
    while (i < to && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
      i++;
    }
    if (i >= to) {
      return 1;
    }
    char c = l.charAt(i);
    char d = i + 1 < to ? l.charAt(i + 1) : ' ';
    if (c == '|' || c == '>' || c == '<' || c == '`' || c == '$' || c == '~') {
      return 2;
    }
    if (c == '-' && (Ascii.isLetter(d) || d == '-')) {
      return 2; // -c 1, --help
    }
    if (c == '/' && (Ascii.isLetter(d) || d == '/' || d == '.' || d == '$')) {
      return 2; // /etc/passwd, /c (cmd), //share
    }
    if (c == '.' && (d == '/' || d == '.')) {
      return 2; // ./x, ../x
    }
    if (c == '\\' || c == '%' && Ascii.isLetter(d)) {
      return 2; // \\share, %COMSPEC%
    }
    if (Ascii.isLetter(c) && d == ':' && i + 2 < to && (l.charAt(i + 2) == '\\'
        || l.charAt(i + 2) == '/')) {
      return 2; // C:\…
    }
    if (c == '&' && (d == '#' || Ascii.isLetter(d))) {
      return 0; // a character reference follows, as in data:…;base64&NewLine;
    }
    if (c == ';' || c == '&' || c == '\n' || c == '\r' || c == ')' || c == '#') {
      return 1;
    }
    if (c == '\'' || c == '"' || c == '*') {
      return 1;
    }
    if (Ascii.isDigit(c)) {
      return 1; // sleep 5, ping 10.0.0.1
    }
    // a word: a URL, or a host or file name with a dot (evil.com, shell.sh)
    int e = i;
    while (e < to && !Ascii.isSpaceOrControl(l.charAt(e)) && l.charAt(e) != ';'
        && l.charAt(e) != '|' && l.charAt(e) != '&') {
      e++;
    }
    String arg = l.substring(i, e);
    if (arg.contains("://")) {
      return 2;
    }
    return arg.indexOf('.') > 0 && arg.indexOf('.') < arg.length() - 1 ? 1 : 0;
  }
}
