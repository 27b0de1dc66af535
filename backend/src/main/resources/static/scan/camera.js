// Camera mode of the scan station: frames from getUserMedia are drawn to a canvas a few times a second and posted
// (JPEG) to /scan/frame, which reads the labels in them with the server's decoder; each label seen for the first time
// is confirmed once, as a scan of its own (scan.js).
(function () {
  'use strict';
  var button = document.getElementById('camera-toggle');
  var video = document.getElementById('camera-video');
  var status = document.getElementById('camera-status');
  if (!button || !video || !status) {
    return;
  }
  if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== 'function') {
    status.textContent = button.dataset.unsupported;
    return;
  }
  button.hidden = false;
  button.setAttribute('aria-pressed', 'false');

  var stream = null;
  var timer = null;
  var busy = false;
  var seen = new Set();
  var canvas = document.createElement('canvas');

  function headers() {
    var result = { 'Content-Type': 'image/jpeg' };
    var name = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (name && token) {
      result[name.content] = token.content;
    }
    return result;
  }

  function grab() {
    if (busy || !stream || video.videoWidth === 0) {
      return;
    }
    busy = true;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    canvas.toBlob(function (blob) {
      if (!blob) {
        busy = false;
        return;
      }
      fetch('/scan/frame', { method: 'POST', headers: headers(), body: blob, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : { payloads: [] }; })
        .then(function (answer) {
          answer.payloads.forEach(function (payload) {
            if (!seen.has(payload)) {
              seen.add(payload);
              window.azukariScan(payload, 'camera');
            }
          });
        })
        .catch(function () { /* the next frame tries again */ })
        .then(function () { busy = false; });
    }, 'image/jpeg', 0.85);
  }

  function start() {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        return video.play();
      })
      .then(function () {
        button.textContent = button.dataset.stop;
        button.setAttribute('aria-pressed', 'true');
        timer = setInterval(grab, 300);
      })
      .catch(function () {
        status.textContent = button.dataset.denied;
      });
  }

  function stop() {
    clearInterval(timer);
    stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    video.hidden = true;
    button.textContent = button.dataset.start;
    button.setAttribute('aria-pressed', 'false');
  }

  button.addEventListener('click', function () {
    if (stream) {
      stop();
    } else {
      start();
    }
  });
})();
