package io.portolan.infrastructure.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void plainFieldsStayAsTheyAre() {
    assertEquals("gpt-4o,eu\r\n", Csv.row("gpt-4o", "eu"));
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertEquals(
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n",
        Csv.row("a,b", "say \"hi\"", "two\nlines"));
  }

  @Test
  void formulasAreDefused() {
    assertEquals(
        "'=HYPERLINK(\"x\"),'+1,'-1,'@SUM(A1)\r\n"
            .replace("'=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        Csv.row("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)"));
  }

  @Test
  void nullIsAnEmptyField() {
    assertEquals(",x\r\n", Csv.row(null, "x"));
  }
}
