package dev.bulwark.runtime.detect.internal;

import java.util.HashMap;
import java.util.Map;

/** SQL keywords (the union of the common dialects) and the functions the judgement cares about. */
final class SqlKeywords {

  private SqlKeywords() {}

  static final int SELECT = 1;
  static final int UNION = 2;
  static final int ALL = 3;
  static final int DISTINCT = 4;
  static final int FROM = 5;
  static final int WHERE = 6;
  static final int GROUP = 7;
  static final int ORDER = 8;
  static final int BY = 9;
  static final int HAVING = 10;
  static final int LIMIT = 11;
  static final int OFFSET = 12;
  static final int INTO = 13;
  static final int OUTFILE = 14;
  static final int PROCEDURE = 15;
  static final int AND = 16;
  static final int OR = 17;
  static final int XOR = 18;
  static final int NOT = 19;
  static final int IS = 20;
  static final int IN = 21;
  static final int LIKE = 22;
  static final int SOUNDS = 23;
  static final int BETWEEN = 24;
  static final int NULL = 25;
  static final int BOOLEAN = 26;
  static final int CASE = 27;
  static final int WHEN = 28;
  static final int THEN = 29;
  static final int ELSE = 30;
  static final int END = 31;
  static final int AS = 32;
  static final int ON = 33;
  static final int USING = 34;
  static final int JOIN = 35;
  static final int JOIN_MODIFIER = 36;
  static final int ASC = 37;
  static final int DIV = 38;
  static final int BINARY = 39;
  static final int EXISTS = 40;
  static final int ANY = 41;
  static final int INTERVAL = 42;
  static final int COLLATE = 43;
  static final int ESCAPE = 44;
  static final int FOR = 45;
  static final int UPDATE = 46;
  static final int LOCK = 47;
  static final int WITH = 48;
  static final int TOP = 49;
  static final int INSERT = 50;
  static final int DELETE = 51;
  static final int DROP = 52;
  static final int CREATE = 53;
  static final int ALTER = 54;
  static final int TRUNCATE = 55;
  static final int EXEC = 56;
  static final int DECLARE = 57;
  static final int SET = 58;
  static final int SHUTDOWN = 59;
  static final int WAITFOR = 60;
  static final int GRANT = 61;
  static final int USE = 62;
  static final int BEGIN = 63;
  static final int LOAD = 64;
  static final int CALL = 65;
  static final int REPLACE = 66;
  static final int IF = 67;
  static final int OBJECT_KIND = 68;
  static final int VALUES = 69;
  static final int DEFAULT = 70;
  static final int MATCH = 71;
  static final int AGAINST = 72;
  static final int SELECT_MODIFIER = 73;
  static final int MODE = 74;
  static final int SHARE = 75;
  static final int ROLLUP = 76;
  static final int DELAY = 77;
  static final int ESCAPE_VALUE = 78;
  static final int WINDOW_OVER = 79;
  static final int FETCH = 80;
  static final int ROWS = 81;
  static final int PRINT = 82;
  static final int COPY = 83;
  static final int HANDLER = 84;
  static final int RENAME = 85;
  static final int MERGE = 86;
  static final int OPEN = 87;
  static final int RETURNING = 88;
  static final int PARTITION = 89;
  static final int LATERAL = 90;
  static final int OF = 91;
  static final int MEMBER = 92;
  static final int INTERSECT = 93;
  static final int SOME = 94;
  static final int UNIT = 95;
  static final int GOTO = 96;
  static final int WHILE = 97;
  static final int SEPARATOR = 98;

  static final WordTable KEYWORDS;

  /** Keywords that are also functions when a '(' follows: {@code IF(}, {@code LEFT(}, … */
  static final WordTable CALLABLE_KEYWORDS =
      WordTable.set(
          "if", "left", "right", "replace", "insert", "char", "user", "database", "schema",
          "values", "mod", "truncate", "match", "default", "binary", "convert", "interval",
          "exists", "any", "some", "all", "delay", "open", "rows", "mode", "of", "end", "call",
          "print", "set", "use", "grant", "load", "lock", "copy", "handler", "rename", "merge",
          "top", "sounds", "escape", "fetch", "partition", "rollup", "share", "over", "against",
          "like", "rlike", "regexp", "glob");

  static {
    Map<String, Integer> m = new HashMap<>();
    m.put("select", SELECT);
    m.put("union", UNION);
    m.put("all", ALL);
    m.put("distinct", DISTINCT);
    m.put("distinctrow", DISTINCT);
    m.put("from", FROM);
    m.put("where", WHERE);
    m.put("group", GROUP);
    m.put("order", ORDER);
    m.put("by", BY);
    m.put("having", HAVING);
    m.put("limit", LIMIT);
    m.put("offset", OFFSET);
    m.put("into", INTO);
    m.put("outfile", OUTFILE);
    m.put("dumpfile", OUTFILE);
    m.put("procedure", PROCEDURE);
    m.put("and", AND);
    m.put("or", OR);
    m.put("xor", XOR);
    m.put("not", NOT);
    m.put("is", IS);
    m.put("in", IN);
    m.put("like", LIKE);
    m.put("rlike", LIKE);
    m.put("regexp", LIKE);
    m.put("ilike", LIKE);
    m.put("glob", LIKE);
    m.put("sounds", SOUNDS);
    m.put("between", BETWEEN);
    m.put("null", NULL);
    m.put("true", BOOLEAN);
    m.put("false", BOOLEAN);
    m.put("unknown", BOOLEAN);
    m.put("case", CASE);
    m.put("when", WHEN);
    m.put("then", THEN);
    m.put("else", ELSE);
    m.put("end", END);
    m.put("as", AS);
    m.put("on", ON);
    m.put("using", USING);
    m.put("join", JOIN);
    m.put("straight_join", JOIN);
    m.put("inner", JOIN_MODIFIER);
    m.put("left", JOIN_MODIFIER);
    m.put("right", JOIN_MODIFIER);
    m.put("outer", JOIN_MODIFIER);
    m.put("cross", JOIN_MODIFIER);
    m.put("natural", JOIN_MODIFIER);
    m.put("full", JOIN_MODIFIER);
    m.put("asc", ASC);
    m.put("desc", ASC);
    m.put("div", DIV);
    m.put("mod", DIV);
    m.put("binary", BINARY);
    m.put("exists", EXISTS);
    m.put("any", ANY);
    m.put("some", SOME);
    m.put("interval", INTERVAL);
    m.put("collate", COLLATE);
    m.put("escape", ESCAPE);
    m.put("for", FOR);
    m.put("update", UPDATE);
    m.put("lock", LOCK);
    m.put("with", WITH);
    m.put("top", TOP);
    m.put("insert", INSERT);
    m.put("delete", DELETE);
    m.put("drop", DROP);
    m.put("create", CREATE);
    m.put("alter", ALTER);
    m.put("truncate", TRUNCATE);
    m.put("exec", EXEC);
    m.put("execute", EXEC);
    m.put("declare", DECLARE);
    m.put("set", SET);
    m.put("shutdown", SHUTDOWN);
    m.put("waitfor", WAITFOR);
    m.put("grant", GRANT);
    m.put("revoke", GRANT);
    m.put("use", USE);
    m.put("begin", BEGIN);
    m.put("load", LOAD);
    m.put("call", CALL);
    m.put("replace", REPLACE);
    m.put("if", IF);
    m.put("table", OBJECT_KIND);
    m.put("database", OBJECT_KIND);
    m.put("schema", OBJECT_KIND);
    m.put("view", OBJECT_KIND);
    m.put("function", OBJECT_KIND);
    m.put("trigger", OBJECT_KIND);
    m.put("values", VALUES);
    m.put("default", DEFAULT);
    m.put("match", MATCH);
    m.put("against", AGAINST);
    m.put("sql_calc_found_rows", SELECT_MODIFIER);
    m.put("sql_no_cache", SELECT_MODIFIER);
    m.put("sql_cache", SELECT_MODIFIER);
    m.put("high_priority", SELECT_MODIFIER);
    m.put("sql_small_result", SELECT_MODIFIER);
    m.put("sql_big_result", SELECT_MODIFIER);
    m.put("sql_buffer_result", SELECT_MODIFIER);
    m.put("mode", MODE);
    m.put("share", SHARE);
    m.put("rollup", ROLLUP);
    m.put("delay", DELAY);
    m.put("over", WINDOW_OVER);
    m.put("fetch", FETCH);
    m.put("rows", ROWS);
    m.put("print", PRINT);
    m.put("copy", COPY);
    m.put("handler", HANDLER);
    m.put("rename", RENAME);
    m.put("merge", MERGE);
    m.put("open", OPEN);
    m.put("returning", RETURNING);
    m.put("partition", PARTITION);
    m.put("lateral", LATERAL);
    m.put("of", OF);
    m.put("member", MEMBER);
    m.put("intersect", INTERSECT);
    m.put("except", INTERSECT);
    m.put("goto", GOTO);
    m.put("while", WHILE);
    m.put("separator", SEPARATOR);
    m.put("minus", INTERSECT);
    for (String unit :
        new String[] {
          "microsecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year"
        }) {
      m.put(unit, UNIT);
    }
    KEYWORDS = WordTable.of(m);
  }

  // function classes
  static final int F_TIME = 1;
  static final int F_DANGEROUS = 2;
  static final int F_INFO = 3;
  static final int F_COMMON = 4;

  static final WordTable FUNCTIONS;

  /** Functions that cut one character or a few out of a value: the core of blind extraction. */
  static final WordTable EXTRACTORS =
      WordTable.set("substring", "substr", "mid", "left", "right", "substring_index", "char_at");

  /** Functions that turn an extracted character into a number to compare. */
  static final WordTable CHARACTER_CODES =
      WordTable.set("ascii", "ord", "unicode", "hex", "bin", "conv", "length", "len",
          "char_length", "bit_length", "lower", "upper", "lcase", "ucase");

  static {
    Map<String, Integer> f = new HashMap<>();
    for (String s :
        new String[] {
          "sleep", "benchmark", "pg_sleep", "pg_sleep_for", "pg_sleep_until", "dbms_lock.sleep",
          "sys.dbms_lock.sleep", "dbms_pipe.receive_message", "dbms_session.sleep", "randomblob",
          "sys.dbms_pipe.receive_message"
        }) {
      f.put(s, F_TIME);
    }
    for (String s :
        new String[] {
          "load_file", "extractvalue", "updatexml", "xp_cmdshell", "master..xp_cmdshell",
          "master.dbo.xp_cmdshell", "sp_oacreate", "sp_oamethod", "sp_executesql",
          "sp_makewebtask", "sp_addlogin", "sp_addsrvrolemember", "sp_password",
          "sp_configure", "xp_regread", "xp_dirtree", "xp_fileexist", "master..xp_dirtree",
          "utl_http.request", "utl_inaddr.get_host_address", "utl_inaddr.get_host_name",
          "httpuritype", "dbms_xmlgen.getxml", "ctxsys.drithsx.sn", "dbms_java.runjava",
          "name_const", "geometrycollection", "multipoint", "polygon", "multipolygon",
          "linestring", "multilinestring", "gtid_subset", "sys_eval", "sys_exec", "lo_import",
          "lo_export", "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "openrowset",
          "opendatasource", "xmltype", "dbms_xmlquery.newcontext", "json_keys"
        }) {
      f.put(s, F_DANGEROUS);
    }
    for (String s :
        new String[] {
          "version", "database", "user", "current_user", "system_user", "session_user",
          "schema", "connection_id", "last_insert_id", "db_name", "user_name", "host_name",
          "suser_name", "suser_sname", "is_srvrolemember", "has_dbaccess", "current_database",
          "current_schema", "sqlite_version", "@@version", "row_count", "found_rows",
          "pg_backend_pid", "inet_server_addr", "uuid"
        }) {
      f.put(s, F_INFO);
    }
    for (String s :
        new String[] {
          "concat", "concat_ws", "group_concat", "char", "chr", "ascii", "ord", "substring",
          "substr", "mid", "left", "right", "length", "len", "count", "cast", "convert", "hex",
          "unhex", "md5", "sha1", "sha2", "lower", "upper", "lcase", "ucase", "if", "ifnull",
          "isnull", "nullif", "coalesce", "rand", "floor", "ceil", "ceiling", "round", "abs",
          "now", "sysdate", "instr", "locate", "position", "replace", "reverse", "trim",
          "ltrim", "rtrim", "lpad", "rpad", "elt", "make_set", "field", "bin", "oct", "conv",
          "char_length", "string_agg", "listagg", "xmlagg", "array_agg", "generate_series",
          "iif", "decode", "nvl", "to_char", "to_number", "unicode", "nchar", "quotename",
          "stuff", "patindex", "charindex", "sin", "cos", "tan", "pow", "power", "sqrt", "log",
          "min", "max", "avg", "sum", "aes_encrypt", "aes_decrypt", "compress", "uncompress",
          "encode", "from_base64", "to_base64", "export_set", "insert", "repeat", "space",
          "strcmp", "soundex", "bit_length", "crc32", "uuid_short", "database", "benchmark",
          "row", "values", "exists", "mod", "truncate", "substring_index", "json_extract",
          "cast", "try_cast", "textpos", "utl_raw.cast_to_varchar2", "rawtohex", "char_length",
          "unistr", "regexp_substr", "regexp_like", "pi", "sign", "ascii_str", "st_latfromgeohash",
          "st_longfromgeohash", "st_pointfromgeohash", "binary", "collation", "charset", "degrees"
        }) {
      f.putIfAbsent(s, F_COMMON);
    }
    FUNCTIONS = WordTable.of(f);
  }
}
