package org.microcredentials.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Moments as the reports group them, in the organisation's time zone: days, months and quarters,
 * said the way each database computes cheaply and right (the one thing the reports' SQL says
 * differently on PostgreSQL and H2), and the days between two moments.
 */
final class ZonedSql {

  private final ZoneId zone;
  private final DataSource dataSource;
  private volatile Boolean postgres;

  ZonedSql(ZoneId zone, DataSource dataSource) {
    this.zone = zone;
    this.dataSource = dataSource;
  }

  ZoneId zone() {
    return zone;
  }

  /** A moment's day: a date on PostgreSQL, yyyymmdd on H2 (see {@link #periodStart}); read with {@link #localDay(ResultSet, String)}. */
  String localDay(String column) {
    String local = local(column);
    return postgres() ? "cast(" + local + " as date)"
        : "cast(extract(year from " + local + ") * 10000 + extract(month from " + local + ") * 100 + extract(day from "
            + local + ") as integer)";
  }

  static LocalDate localDay(ResultSet rs, String column) throws SQLException {
    Object day = rs.getObject(column);
    if (day instanceof Number yyyymmdd) {
      int value = yyyymmdd.intValue();
      return LocalDate.of(value / 10000, value / 100 % 100, value % 100);
    }
    return rs.getObject(column, LocalDate.class);
  }

  /** How finely a report's partial aggregates are grouped in time: per day (for the tallies), or as coarse as its rows allow. */
  enum Grain {
    DAY, MONTH, QUARTER, WHOLE
  }

  /**
   * The first day of a moment's period of {@code grain} ({@link Grain#WHOLE}: one constant for all time), read with
   * {@link #localDay(ResultSet, String)}. On PostgreSQL the date of the start of the period of the local timestamp:
   * cheap per row (one conversion, one truncation, one cast; the year and month numbers as arithmetic cost ten
   * times as much per row). On H2 yyyymmdd from the local fields: H2's {@code AT TIME ZONE} keeps an offset that
   * its truncation and casts do not respect.
   */
  String periodStart(String column, Grain grain) {
    if (grain == Grain.DAY) {
      return localDay(column);
    }
    if (grain == Grain.WHOLE) {
      return "cast(19700101 as integer)";
    }
    String local = local(column);
    if (postgres()) {
      return "cast(date_trunc('" + (grain == Grain.MONTH ? "month" : "quarter") + "', " + local + ") as date)";
    }
    String month = grain == Grain.MONTH ? "extract(month from " + local + ")"
        : "(extract(quarter from " + local + ") * 3 - 2)";
    return "cast(extract(year from " + local + ") * 10000 + " + month + " * 100 + 1 as integer)";
  }

  /** The first day of the period of {@code grain} that {@code day} lies in, as {@link #periodStart} gives it. */
  static LocalDate periodStart(LocalDate day, Grain grain) {
    return switch (grain) {
      case DAY -> day;
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
      case WHOLE -> LocalDate.of(1970, 1, 1);
    };
  }

  /** The days from one moment to another, with their fraction. */
  static String days(String fromColumn, String toColumn) {
    return "cast(extract(epoch from (" + toColumn + " - " + fromColumn + ")) / 86400 as double precision)";
  }

  private String local(String column) {
    return "(" + column + " at time zone '" + zone.getId() + "')";
  }

  private boolean postgres() {
    if (postgres == null) {
      try (Connection connection = dataSource.getConnection()) {
        postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot tell which database answers", e);
      }
    }
    return postgres;
  }
}
