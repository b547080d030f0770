package com.example.shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shop's data: an embedded H2 database, seeded once per container. */
final class Shop {
  private static final String URL = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";
  private static boolean seeded;

  private Shop() {}

  static synchronized Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(URL, "sa", "");
    if (!seeded) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(100), category VARCHAR(50), price DECIMAL(10,2))");
        s.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100), password_hash VARCHAR(100))");
        s.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, product_id INT, quantity INT, status VARCHAR(30))");
        s.execute("INSERT INTO products VALUES (1,'Trail shoes','shoes',89.90),(2,'Rain jacket','clothing',120.00),"
            + "(3,'Wool socks','clothing',12.50),(4,'City shoes','shoes',75.00)");
        s.execute("INSERT INTO users VALUES (1,'admin@example.com','$2a$10$examplehashadmin'),(2,'ada@example.com','$2a$10$examplehashada')");
        s.execute("INSERT INTO orders (product_id, quantity, status) VALUES (1, 1, 'NEW')");
      }
      seeded = true;
    }
    return c;
  }

  static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object v = rs.getObject(i);
        row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), v == null ? null : v.toString());
      }
      out.add(row);
    }
    return out;
  }
}
