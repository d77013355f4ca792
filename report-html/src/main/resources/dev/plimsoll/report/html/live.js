// Plimsoll's live dashboard: each interval, the server sends the charts so far and the interval's
// figures as a server-sent event; the report's script redraws the charts. Text from the run
// reaches the page only as textContent, never as markup.
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  var verdict = document.getElementById('verdict');
  var received = 0;
  var ended = false;

  function fixed(v, digits) {
    return v == null ? '–' : Number(v).toFixed(digits);
  }

  function describe(i, p) {
    var parts = [
      fixed(p.elapsedSeconds, 0) + ' s of ' + fixed(p.plannedSeconds, 0) + ' s' + (i.warmUp ? ' (warm-up)' : ''),
      fixed(i.throughput, 1) + ' ops/s',
      'p50 ' + fixed(i.p50Ms, 2) + ' ms, p99 ' + fixed(i.p99Ms, 2) + ' ms',
      fixed(i.errorsPerSecond, 1) + ' errors/s',
      i.inFlight + ' in flight'
    ];
    if (i.system && i.system.processCpu != null) {
      parts.push('CPU ' + fixed(i.system.processCpu * 100, 0) + ' %');
    }
    if (p.stopping) { parts.push('stopping'); }
    return parts.join(' · ');
  }

  // Stopping needs the token printed on the console; the server checks it, the page only sends it.
  var controlStatus = document.getElementById('control-status');
  document.getElementById('stop').addEventListener('click', function () {
    var token = document.getElementById('token').value;
    fetch('stop', { method: 'POST', headers: { 'X-Plimsoll-Token': token } }).then(function (r) {
      return r.text().then(function (text) { controlStatus.textContent = text; });
    }, function () {
      controlStatus.textContent = 'The run could not be reached.';
    });
  });

  // Changing the load needs the token too; the server checks the value and says what it did.
  function post(path, body) {
    var token = document.getElementById('token').value;
    return fetch(path, {
      method: 'POST',
      headers: { 'X-Plimsoll-Token': token, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body
    }).then(function (r) {
      return r.text().then(function (text) {
        controlStatus.textContent = text;
        if (r.ok) { showKnobs(); }
      });
    }, function () {
      controlStatus.textContent = 'The run could not be reached.';
    });
  }
  document.querySelectorAll('button.steer-button').forEach(function (button) {
    button.addEventListener('click', function () {
      var params = new URLSearchParams();
      params.set('workload', button.getAttribute('data-workload'));
      params.set(button.getAttribute('data-setting'), document.getElementById(button.getAttribute('data-input')).value);
      post('steer', params.toString());
    });
  });

  // Each field shows its workload's setting now, so the one changing it sees from what.
  function showKnobs() {
    fetch('knobs').then(function (r) { return r.ok ? r.json() : []; }).then(function (knobs) {
      knobs.forEach(function (k) {
        document.querySelectorAll('button.steer-button').forEach(function (button) {
          if (button.getAttribute('data-workload') === k.workload && k.value != null) {
            document.getElementById(button.getAttribute('data-input')).placeholder = 'now ' + Number(k.value);
          }
        });
      });
    }, function () { /* the run has ended or is out of reach: the fields keep what they show */ });
  }
  showKnobs();

  var source = new EventSource('events');
  source.addEventListener('interval', function (e) {
    var event = JSON.parse(e.data);
    window.plimsollUpdate(event.charts);
    status.textContent = describe(event.interval, event.progress);
    received++;
    document.body.setAttribute('data-events', String(received));
    showKnobs();
  });
  // The run has ended: the server now serves the final report, at this same address.
  source.addEventListener('end', function () {
    ended = true;
    source.close();
    verdict.textContent = 'ENDED';
    status.textContent = 'The run has ended; loading its report.';
    window.location.reload();
  });
  source.onerror = function () {
    if (!ended) {
      status.textContent = 'Lost the connection to the run; retrying.';
    }
  };
}());
