// kehoach desk: the little JavaScript the pages use where the browser runs it. Every page works without it:
// the upload form posts normally and the board reloads itself while a run goes.
(function () {
  'use strict';

  // Upload page: drag and drop onto the drop zone, and a progress bar while the file goes up.
  var drop = document.getElementById('drop');
  var input = document.getElementById('tep');
  var form = document.getElementById('upload-form');
  if (drop && input && form) {
    ['dragenter', 'dragover'].forEach(function (type) {
      drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      drop.addEventListener(type, function () { drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
    });
    form.addEventListener('submit', function (e) {
      if (!window.XMLHttpRequest || !window.FormData) return;
      e.preventDefault();
      var box = document.getElementById('upload-progress');
      var bar = box.querySelector('div');
      box.hidden = false;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.onprogress = function (ev) {
        if (ev.lengthComputable) bar.style.width = Math.round((ev.loaded / ev.total) * 90) + '%';
      };
      xhr.onload = function () {
        bar.style.width = '100%';
        document.open();
        document.write(xhr.responseText);
        document.close();
      };
      xhr.onerror = function () { form.submit(); };
      xhr.send(new FormData(form));
    });
  }

  // Names page: choosing an indicator in "Chỉ tiêu khác" chooses that option.
  Array.prototype.forEach.call(document.querySelectorAll('select.other-indicator'), function (select) {
    select.addEventListener('change', function () {
      var radio = select.closest('label').querySelector('input[type=radio]');
      if (radio && select.value) radio.checked = true;
    });
  });

  // Board: follow a run's stages without reloading the page.
  var run = document.getElementById('run');
  if (run && run.getAttribute('data-running') === '1') {
    var refresh = document.querySelector('meta[http-equiv="refresh"]');
    if (refresh) refresh.parentNode.removeChild(refresh);
    var stages = ['Kiểm tra danh mục', 'Tiếp nhận tệp', 'Đối chiếu số liệu', 'Lập báo cáo'];
    var poll = function () {
      fetch(run.getAttribute('data-progress'), { credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (p) {
          if (p.state !== 'running') { window.location.reload(); return; }
          var bar = document.getElementById('run-bar');
          if (bar) bar.style.width = Math.max(10, Math.round((p.stages.length / stages.length) * 100)) + '%';
          var cur = document.getElementById('run-current');
          if (cur) cur.textContent = '⏳ ' + (p.current || '') + '…';
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 800);
  }
})();
