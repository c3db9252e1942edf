package org.microcredentials.report;

import java.util.List;
import java.util.Map;

/**
 * One report as computed: its name, the filter it was computed for, its columns in order, and
 * its rows (each a map from column to value, in column order).
 */
public record Report(String name, ReportFilter filter, List<String> columns, List<Map<String, Object>> rows) {
}
