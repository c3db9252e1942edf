// Draws each chart of the reports page from its data-source (JSON of /reports/data/{name}).
// Served as a file, never inline, so a strict Content-Security-Policy holds.
(function () {
  'use strict';

  var PALETTE = ['#2f6fde', '#f0a202', '#2a9d8f', '#e76f51', '#8e5ad6', '#6c757d', '#43aa8b', '#d62828', '#577590', '#f9844a'];
  var GREEN = '#2a9d8f';
  var RED = '#d62828';
  var GREY = '#9aa5b1';

  Chart.defaults.font.family = '"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif';
  Chart.defaults.color = '#52606d';
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 12;

  function unique(values) {
    return values.filter(function (value, index) { return values.indexOf(value) === index; });
  }

  function sum(rows, key, filter) {
    return rows.filter(filter).reduce(function (total, row) { return total + row[key]; }, 0);
  }

  function bar(label, data, color, extra) {
    var dataset = { type: 'bar', label: label, data: data, backgroundColor: color, borderRadius: 3, maxBarThickness: 38 };
    return Object.assign(dataset, extra || {});
  }

  var integerAxis = { beginAtZero: true, ticks: { precision: 0 } };

  // One function per report: rows in, a Chart.js configuration out.
  var CHARTS = {
    'submissions': function (rows) {
      var months = unique(rows.map(function (row) { return row.month; }));
      var sources = [['SELF_SUBMISSION', 'Self-submissions'], ['ENDORSEMENT', 'Endorsements'], ['PROMOTION', 'Promotions']];
      return {
        data: {
          labels: months,
          datasets: sources.filter(function (source) {
            return rows.some(function (row) { return row.source === source[0]; });
          }).map(function (source, index) {
            return bar(source[1], months.map(function (month) {
              return sum(rows, 'started', function (row) { return row.month === month && row.source === source[0]; });
            }), PALETTE[index]);
          })
        },
        options: { scales: { y: integerAxis } }
      };
    },
    'pass-rate': function (rows) {
      return {
        data: {
          labels: rows.map(function (row) { return row.skillCode + ' L' + row.level; }),
          datasets: [bar('Pass rate (%)', rows.map(function (row) { return Math.round(row.passRate * 100); }), rows.map(function (row) {
            return row.passRate >= 0.5 ? GREEN : RED;
          }))]
        },
        options: {
          scales: { y: { beginAtZero: true, max: 100, ticks: { callback: function (value) { return value + '%'; } } } },
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { afterLabel: function (item) {
              var row = rows[item.dataIndex];
              return row.passed + ' of ' + row.assessed + ' passed · ' + (row.skillName || row.skillCode);
            } } }
          }
        }
      };
    },
    'time-to-outcome': function (rows) { return durations(rows, 'decided'); },
    'time-to-endorsement': function (rows) { return durations(rows, 'approved'); },
    'sla-breaches': function (rows) {
      return {
        data: {
          labels: rows.map(function (row) { return row.name || row.person; }),
          datasets: [
            bar('Tasks held', rows.map(function (row) { return row.tasks; }), GREY),
            bar('Overdue', rows.map(function (row) { return row.overdue; }), PALETTE[1]),
            bar('Escalated', rows.map(function (row) { return row.escalated; }), RED)
          ]
        },
        options: { scales: { y: integerAxis } }
      };
    },
    'credentials-by-skill-level': function (rows) {
      var quarters = unique(rows.map(function (row) { return row.quarter; }));
      var skills = unique(rows.map(function (row) { return row.skillCode; }));
      var issued = skills.map(function (skill, index) {
        return bar(skill + ' issued', quarters.map(function (quarter) {
          return sum(rows, 'issued', function (row) { return row.quarter === quarter && row.skillCode === skill; });
        }), PALETTE[index % PALETTE.length], { stack: 'issued' });
      });
      var revoked = bar('Revoked', quarters.map(function (quarter) {
        return sum(rows, 'revoked', function (row) { return row.quarter === quarter; });
      }), RED, { stack: 'revoked' });
      return {
        data: { labels: quarters, datasets: issued.concat([revoked]) },
        options: { scales: { x: { stacked: true }, y: Object.assign({ stacked: true }, integerAxis) } }
      };
    },
    'endorsements-by-endorser': function (rows) {
      return {
        data: {
          labels: rows.map(function (row) { return row.name || row.endorser; }),
          datasets: [
            bar('Started', rows.map(function (row) { return row.started; }), PALETTE[0]),
            bar('Approved', rows.map(function (row) { return row.approved; }), GREEN),
            bar('Withdrawn', rows.map(function (row) { return row.withdrawn; }), RED),
            bar('Different candidates', rows.map(function (row) { return row.distinctCandidates; }), PALETTE[4])
          ]
        },
        options: { scales: { y: integerAxis } }
      };
    },
    'credentials-and-promotions': function (rows) {
      return {
        data: {
          labels: rows.map(function (row) { return 'Level ' + row.targetLevel; }),
          datasets: [
            bar('Applications', rows.map(function (row) { return row.applications; }), PALETTE[0]),
            bar('Promoted', rows.map(function (row) { return row.promoted; }), GREEN),
            bar('Not promoted', rows.map(function (row) { return row.notPromoted; }), RED),
            bar('Open', rows.map(function (row) { return row.open; }), GREY),
            {
              type: 'line', label: 'Median credentials held', yAxisID: 'held', borderColor: PALETTE[4],
              backgroundColor: PALETTE[4], pointRadius: 5, showLine: rows.length > 1,
              data: rows.map(function (row) { return row.medianCredentialsHeld; })
            }
          ]
        },
        options: {
          scales: {
            y: integerAxis,
            held: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
              title: { display: true, text: 'credentials held' } }
          }
        }
      };
    }
  };

  // Each month names how many it measured: a month whose outcomes all came within the day has bars of
  // zero days, and would otherwise look empty to someone who has just played an application.
  function durations(rows, counted) {
    return {
      data: {
        labels: rows.map(function (row) { return row.month + ' (' + row[counted] + ' ' + counted + ')'; }),
        datasets: [
          bar('Median (days)', rows.map(function (row) { return row.median; }), PALETTE[0]),
          bar('90th percentile (days)', rows.map(function (row) { return row.p90; }), PALETTE[1])
        ]
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'days' } } } }
    };
  }

  function draw(card) {
    var name = card.getAttribute('data-report');
    // Resolved against the origin, which never carries a user name and password: fetch refuses a URL
    // that does, as the page's own has when someone opened it as http://user:password@host/reports.
    var source = new URL(card.getAttribute('data-source'), window.location.origin);
    fetch(source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (report) {
        card.setAttribute('data-rows', String(report.rows.length));
        if (report.rows.length === 0) {
          card.querySelector('.empty').hidden = false;
          card.querySelector('.canvas-box').hidden = true;
          card.setAttribute('data-state', 'empty');
          return;
        }
        var config = CHARTS[name](report.rows);
        config.type = 'bar';
        var chart = new Chart(card.querySelector('canvas'), config);
        var points = chart.data.datasets.reduce(function (total, dataset) { return total + dataset.data.length; }, 0);
        card.setAttribute('data-points', String(points));
        card.setAttribute('data-state', 'drawn');
      })
      .catch(function (failure) {
        var empty = card.querySelector('.empty');
        empty.textContent = 'Could not load this report (' + failure.message + ').';
        empty.hidden = false;
        card.setAttribute('data-state', 'failed');
      });
  }

  document.querySelectorAll('.chart-card[data-report]').forEach(draw);
}());
