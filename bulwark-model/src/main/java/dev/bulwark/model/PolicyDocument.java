package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An IAM policy document (identity policy, trust policy or resource policy).
 *
 * @param statements the statements, in source order; statements inside an {@code Fn::If} whose
 *     condition is unknown carry that condition in {@link Statement#onlyIf()}
 * @param complete false when part of the statement list could not be resolved
 * @param location the document's span
 */
public record PolicyDocument(List<Statement> statements, boolean complete, SourceLocation location) {

  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /** Statements that certainly apply (not under an unresolved condition). */
  public List<Statement> definiteStatements() {
    // without a conditional statement (the usual case) the list itself, not a copy
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).onlyIf() != null) {
        List<Statement> out = new ArrayList<>(statements.size());
        for (Statement s : statements) {
          if (s.onlyIf() == null) {
            out.add(s);
          }
        }
        return List.copyOf(out);
      }
    }
    return statements;
  }

  /** Statements that certainly apply and are {@code Allow}. */
  public List<Statement> allows() {
    List<Statement> definite = definiteStatements();
    for (int i = 0; i < definite.size(); i++) {
      if (!definite.get(i).isAllow()) {
        List<Statement> out = new ArrayList<>(definite.size());
        for (Statement s : definite) {
          if (s.isAllow()) {
            out.add(s);
          }
        }
        return List.copyOf(out);
      }
    }
    return definite;
  }

  /**
   * Reads a policy document from a resolved value tree ({@code {Version, Statement: [...]}}, a
   * single statement map is accepted as well). Unresolvable parts become unknown attributes; the
   * document is never rejected.
   */
  public static PolicyDocument parse(Node node) {
    List<Statement> out = new ArrayList<>();
    boolean complete = true;
    Node statementNode = node;
    if (node instanceof Node.MapNode m && m.get("Statement") != null) {
      statementNode = m.get("Statement");
    } else if (!(node instanceof Node.MapNode) && !(node instanceof Node.ListNode)) {
      return new PolicyDocument(List.of(), false, node.location());
    }
    complete &= collect(statementNode, null, out);
    return new PolicyDocument(out, complete, node.location());
  }

  private static boolean collect(@Nullable Node n, @Nullable String onlyIf, List<Statement> out) {
    if (n == null) {
      return true;
    }
    if (n instanceof Node.ListNode l) {
      boolean complete = true;
      for (Node item : l.items()) {
        complete &= collect(item, onlyIf, out);
      }
      return complete;
    }
    if (n instanceof Node.MapNode m) {
      out.add(Statement.parse(m, onlyIf));
      return true;
    }
    if (n instanceof Node.Choice c) {
      for (Node alt : c.alternatives()) {
        collect(alt, c.condition(), out);
      }
      return true;
    }
    return n instanceof Node.Absent;
  }

  /** A policy document with the given statements and no source location (built-in policies). */
  public static PolicyDocument of(List<Statement> statements, SourceLocation location) {
    return new PolicyDocument(statements, true, location);
  }

  /** Convenience for built-in documents: one Allow statement. */
  public static PolicyDocument allow(
      List<String> actions, List<String> resources, SourceLocation location) {
    return of(List.of(Statement.allow(actions, resources, location)), location);
  }

  /** Parses a list of keys from a map into attributes (used by statement parsing). */
  static List<Attr<String>> strings(@Nullable Node n) {
    List<Attr<String>> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n instanceof Node.ListNode l) {
      for (Node item : l.items()) {
        out.addAll(strings(item));
      }
    } else if (n instanceof Node.Scalar s && s.value() != null) {
      out.add(Attr.of(s.value(), s.location()));
    } else if (n instanceof Node.Choice c) {
      List<String> alts = new ArrayList<>();
      boolean allScalar = true;
      for (Node alt : c.alternatives()) {
        if (alt instanceof Node.Scalar s && s.value() != null) {
          alts.add(s.value());
        } else {
          allScalar = false;
        }
      }
      out.add(allScalar ? Attr.oneOf(alts, c.location()) : Attr.unknown(c));
    } else if (!(n instanceof Node.Absent) && !(n instanceof Node.MapNode)) {
      out.add(Attr.unknown(n));
    } else if (n instanceof Node.MapNode) {
      out.add(Attr.unknown(n));
    }
    return out;
  }

  static Map<String, Node> entries(@Nullable Node n) {
    return n instanceof Node.MapNode m ? m.entries() : Map.of();
  }
}
