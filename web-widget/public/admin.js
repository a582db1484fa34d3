/*
 * The admin console: token login, uploads, re-index progress (polled), the documents
 * table with metadata changes and deletion, the audit trail with CSV export, and usage
 * charts. Everything from the API is set with textContent or DOM APIs, never innerHTML.
 */
/* global document, window, sessionStorage, fetch, FormData, URL, URLSearchParams, Blob */
(function () {
  'use strict';

  var TOKEN_KEY = 'tro-ly-ao-admin-token';
  var POLL_MS = 500;
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var STATUS_LABELS = { in_force: 'Còn hiệu lực', superseded: 'Đã được thay thế', expired: 'Hết hiệu lực' };
  var AUDIENCE_LABELS = { public: 'Công khai', internal: 'Nội bộ' };
  var ROLE_LABELS = { citizen: 'Người dân', official: 'Cán bộ', admin: 'Quản trị' };
  var OUTCOME_LABELS = { answered: 'Đã trả lời', refused: 'Từ chối', error: 'Lỗi' };
  var REASON_LABELS = {
    NO_SOURCE: 'Không có nguồn', STATE_SECRET: 'Bí mật nhà nước', PROMPT_INJECTION: 'Câu lệnh chèn vào',
    OUT_OF_SCOPE: 'Ngoài phạm vi', ABUSIVE: 'Ngôn từ không phù hợp', EMPTY_QUESTION: 'Câu hỏi trống',
  };
  var PHASE_LABELS = {
    scan: 'Đang quét tệp', load: 'Đang đọc văn bản', embed: 'Đang tạo vector ngữ nghĩa',
    index: 'Đang xây dựng chỉ mục', save: 'Đang lưu chỉ mục', done: 'Đang hoàn tất',
  };

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function labelOf(map, code) {
    if (!code) return '';
    return map[code] ? map[code] : code;
  }

  function reasonText(code) {
    if (!code) return '';
    return REASON_LABELS[code] ? REASON_LABELS[code] + ' (' + code + ')' : code;
  }

  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    return d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
  }

  function formatNumber(n) {
    return Number(n).toLocaleString('vi-VN');
  }

  // ---- Token and requests -------------------------------------------------------------

  var token = '';
  try {
    token = sessionStorage.getItem(TOKEN_KEY) || '';
  } catch {
    token = '';
  }

  function saveToken(value) {
    token = value;
    try {
      if (value) sessionStorage.setItem(TOKEN_KEY, value);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage disabled: the token lives only in this page.
    }
  }

  function ApiError(status, message, body) {
    this.status = status;
    this.message = message;
    this.body = body;
  }

  /** fetch with the admin token; resolves with the Response when ok, rejects with an ApiError otherwise. */
  function request(path, opts) {
    opts = opts || {};
    var headers = opts.headers || {};
    headers.Authorization = 'Bearer ' + token;
    return fetch(path, { method: opts.method || 'GET', headers: headers, body: opts.body }).then(function (res) {
      if (res.ok) return res;
      return res.json().catch(function () { return null; }).then(function (body) {
        var message = body && typeof body.message === 'string' ? body.message : 'Có lỗi xảy ra (mã ' + res.status + ').';
        var err = new ApiError(res.status, message, body);
        if ((res.status === 401 || res.status === 403) && opts.loginCheck !== true) signedOut(message);
        throw err;
      });
    }, function () {
      throw new ApiError(0, 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.', null);
    });
  }

  function requestJson(path, opts) {
    return request(path, opts).then(function (res) {
      return res.status === 204 ? null : res.json();
    });
  }

  function sendJson(method, path, body) {
    return requestJson(path, { method: method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  // ---- Login ----------------------------------------------------------------------------

  var loginSection = $('login-section');
  var content = $('admin-content');
  var loginError = $('login-error');
  var started = false;

  function showLoginError(message) {
    loginError.textContent = message;
    loginError.hidden = false;
  }

  function signedIn() {
    loginSection.hidden = true;
    content.hidden = false;
    $('logout-button').hidden = false;
    loginError.hidden = true;
    if (!started) {
      started = true;
      loadDocuments();
      loadAudit();
      loadStats();
      resumeRunningJob();
    }
  }

  function signedOut(message) {
    saveToken('');
    stopPolling();
    started = false;
    content.hidden = true;
    loginSection.hidden = false;
    $('logout-button').hidden = true;
    if (message) showLoginError(message);
    else loginError.hidden = true;
    $('admin-token').value = '';
    $('admin-token').focus();
  }

  $('login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var value = $('admin-token').value.trim();
    if (!value) {
      showLoginError('Vui lòng nhập mã truy cập quản trị.');
      $('admin-token').focus();
      return;
    }
    var button = $('login-button');
    button.disabled = true;
    token = value;
    requestJson('/api/admin/jobs', { loginCheck: true }).then(function () {
      saveToken(value);
      signedIn();
      $('noi-dung').focus();
    }, function (err) {
      token = '';
      showLoginError(err.message);
      $('admin-token').focus();
    }).then(function () {
      button.disabled = false;
    });
  });

  $('logout-button').addEventListener('click', function () {
    signedOut('');
  });

  // ---- Re-index jobs ----------------------------------------------------------------------

  var progressEl = $('job-progress');
  var phaseEl = $('job-phase');
  var jobResult = $('job-result');
  var pollTimer = null;
  var followingId = null;
  var followUp = false;

  function stopPolling() {
    if (pollTimer) window.clearTimeout(pollTimer);
    pollTimer = null;
    followingId = null;
    followUp = false;
  }

  function isActive(job) {
    return job && (job.status === 'running' || job.status === 'queued');
  }

  function renderJob(job) {
    var percent = job.status === 'succeeded' ? 100 : job.progress ? job.progress.percent : 0;
    progressEl.value = percent;
    progressEl.setAttribute('aria-valuetext', percent + '%');
    clear(jobResult);
    if (job.status === 'queued') {
      phaseEl.textContent = 'Đang chờ đến lượt lập chỉ mục…';
    } else if (job.status === 'running') {
      var phase = job.progress ? labelOf(PHASE_LABELS, job.progress.phase) : 'Đang bắt đầu';
      var detail = job.progress && job.progress.phase === 'load' && job.progress.sourcesTotal
        ? ' (' + job.progress.sourcesDone + '/' + job.progress.sourcesTotal + ' nguồn)' : '';
      phaseEl.textContent = phase + detail + ' — ' + percent + '%';
    } else if (job.status === 'succeeded') {
      phaseEl.textContent = 'Hoàn tất';
      renderSummary(job.summary);
    } else {
      progressEl.value = 0;
      phaseEl.textContent = 'Thất bại: ' + (job.error ? job.error.message : 'không rõ nguyên nhân.');
      jobResult.appendChild(el('p', 'error', 'Thất bại: ' + (job.error ? job.error.message : 'không rõ nguyên nhân.') + ' Chỉ mục cũ vẫn đang được dùng.'));
    }
  }

  function renderSummary(s) {
    if (!s) return;
    var box = el('div', 'success');
    box.appendChild(el('p', '', 'Hoàn tất: thêm ' + s.added + ', cập nhật ' + s.updated + ', gỡ bỏ ' + s.removed +
      ', bỏ qua ' + s.skipped.length + ' nguồn.' + (s.published ? '' : ' Không có thay đổi nào.')));
    box.appendChild(el('p', '', 'Chỉ mục hiện có ' + formatNumber(s.documents) + ' văn bản, ' + formatNumber(s.chunks) + ' đoạn.'));
    jobResult.appendChild(box);
    if (s.skipped.length) {
      jobResult.appendChild(el('h3', '', 'Các nguồn bị bỏ qua'));
      var ul = el('ul', 'skipped');
      s.skipped.forEach(function (k) {
        ul.appendChild(el('li', '', k.message));
      });
      jobResult.appendChild(ul);
    }
  }

  /** Follow a job until it ends; `queued` means one more run follows it (an upload during a run). */
  function follow(job, queued) {
    if (pollTimer) window.clearTimeout(pollTimer);
    followingId = job.id;
    followUp = followUp || queued === true;
    $('reindex-button').disabled = true;
    renderJob(job);
    if (isActive(job)) pollTimer = window.setTimeout(poll, POLL_MS);
    else finished(job);
  }

  function poll() {
    pollTimer = null;
    var id = followingId;
    if (!id) return;
    requestJson('/api/admin/jobs/' + encodeURIComponent(id)).then(function (job) {
      if (followingId !== id) return;
      renderJob(job);
      if (isActive(job)) pollTimer = window.setTimeout(poll, POLL_MS);
      else finished(job);
    }, function (err) {
      if (followingId !== id || err.status === 401 || err.status === 403) return;
      phaseEl.textContent = 'Không đọc được tiến độ: ' + err.message + ' Đang thử lại…';
      pollTimer = window.setTimeout(poll, POLL_MS * 4);
    });
  }

  function finished(job) {
    followingId = null;
    $('reindex-button').disabled = false;
    if (job.status === 'succeeded') {
      var version = job.summary && job.summary.published ? job.summary.version : null;
      whenServing(version).then(function () {
        loadDocuments();
        loadStats();
      });
    }
    if (!followUp) return;
    followUp = false;
    // The run asked for during this one starts when this one ends.
    requestJson('/api/admin/jobs').then(function (res) {
      var next = res.jobs.find(function (j) { return j.id !== job.id && isActive(j); });
      if (next) follow(next, false);
    }, function () {});
  }

  /** The server swaps to a new index version just after the job ends: wait (briefly) until it serves it. */
  function whenServing(version, tries) {
    tries = tries || 0;
    if (!version || tries >= 20) return Promise.resolve();
    return fetch('/readyz').then(function (res) { return res.json(); }).then(function (body) {
      if (body && body.index && body.index.version === version) return undefined;
      return new Promise(function (resolve) { window.setTimeout(resolve, 250); }).then(function () {
        return whenServing(version, tries + 1);
      });
    }, function () { return undefined; });
  }

  function resumeRunningJob() {
    requestJson('/api/admin/jobs').then(function (res) {
      var active = res.jobs.find(isActive);
      if (active) follow(active, false);
      else if (res.jobs.length && !followingId) {
        var last = res.jobs[0];
        renderJob(last);
        phaseEl.textContent = last.status === 'succeeded'
          ? 'Lượt gần nhất: hoàn tất lúc ' + formatTime(last.finishedAt || last.createdAt) + '.'
          : 'Lượt gần nhất: thất bại: ' + (last.error ? last.error.message : '');
      }
    }, function () {});
  }

  $('reindex-button').addEventListener('click', function () {
    var button = $('reindex-button');
    button.disabled = true;
    sendJson('POST', '/api/admin/reindex', {}).then(function (res) {
      follow(res.job, false);
    }, function (err) {
      button.disabled = false;
      phaseEl.textContent = err.message;
      if (err.body && err.body.job && isActive(err.body.job)) follow(err.body.job, false);
    });
  });

  // ---- Upload -----------------------------------------------------------------------------

  $('upload-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var result = $('upload-result');
    clear(result);
    var input = $('upload-files');
    if (!input.files || input.files.length === 0) {
      result.appendChild(el('p', 'error', 'Vui lòng chọn ít nhất một tệp văn bản.'));
      input.focus();
      return;
    }
    var metadata = { audience: $('upload-audience').value, status: $('upload-status').value };
    var supersedes = $('upload-supersedes').value.split(/[,;\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
    if (supersedes.length) metadata.supersedes = supersedes;
    var form = new FormData();
    for (var i = 0; i < input.files.length; i++) form.append('files', input.files[i], input.files[i].name);
    form.append('metadata', JSON.stringify(metadata));
    var button = $('upload-button');
    button.disabled = true;
    result.appendChild(el('p', 'muted', 'Đang tải lên…'));
    requestJson('/api/admin/documents', { method: 'POST', body: form }).then(function (res) {
      clear(result);
      var box = el('div', 'success');
      box.appendChild(el('p', '', 'Đã tải lên ' + res.files.length + ' tệp.' + (res.queued
        ? ' Một lượt lập chỉ mục đang chạy; lượt mới sẽ chạy ngay sau đó.' : res.job ? ' Đang lập chỉ mục lại.' : '')));
      var ul = el('ul');
      res.files.forEach(function (f) {
        var text = f.originalName + ' → ' + f.fileName + ' (' + formatNumber(f.bytes) + ' byte)';
        if (f.kind === 'document') text += ', mã văn bản ' + f.docId;
        if (f.replaced) text += ', đã thay tệp cũ';
        ul.appendChild(el('li', '', text));
      });
      box.appendChild(ul);
      result.appendChild(box);
      $('upload-form').reset();
      if (res.job) follow(res.job, res.queued);
    }, function (err) {
      clear(result);
      var box = el('div', 'error');
      box.appendChild(el('p', '', 'Không tải lên được: ' + err.message));
      var files = err.body && Array.isArray(err.body.files) ? err.body.files : [];
      if (files.length) {
        var ul = el('ul');
        files.forEach(function (f) {
          ul.appendChild(el('li', '', (f.originalName || f.fileName ? (f.originalName || f.fileName) + ': ' : '') + f.message));
        });
        box.appendChild(ul);
      }
      result.appendChild(box);
    }).then(function () {
      button.disabled = false;
    });
  });

  // ---- Documents ----------------------------------------------------------------------------

  var titles = {};
  var uploadedIds = null;
  var docsBody = $('documents-body');
  var docsStatus = $('documents-status');

  function loadDocuments() {
    var q = $('doc-filter').value.trim();
    var params = new URLSearchParams({ limit: '200' });
    if (q) params.set('q', q);
    docsStatus.textContent = 'Đang tải danh sách văn bản…';
    var uploads = requestJson('/api/admin/uploads').then(function (res) {
      uploadedIds = {};
      res.files.forEach(function (f) {
        if (f.docId) uploadedIds[f.docId] = true;
      });
    }, function () {
      uploadedIds = null;
    });
    return Promise.all([requestJson('/api/documents?' + params.toString()), uploads]).then(function (all) {
      var res = all[0];
      clear(docsBody);
      res.documents.forEach(function (d) {
        titles[d.id] = d.title;
        docsBody.appendChild(documentRow(d));
      });
      if (res.documents.length === 0) {
        var tr = el('tr');
        var td = el('td', 'muted', q ? 'Không có văn bản nào khớp với bộ lọc.' : 'Chưa có văn bản nào.');
        td.colSpan = 7;
        tr.appendChild(td);
        docsBody.appendChild(tr);
      }
      docsStatus.textContent = res.total > res.documents.length
        ? 'Hiện ' + res.documents.length + ' trên ' + res.total + ' văn bản; hãy lọc để thu hẹp.'
        : res.total + ' văn bản.';
      renderTopDocuments();
    }, function (err) {
      docsStatus.textContent = 'Không tải được danh sách văn bản: ' + err.message;
    });
  }

  function selectFor(map, value, label) {
    var select = el('select');
    select.setAttribute('aria-label', label);
    Object.keys(map).forEach(function (k) {
      var option = el('option', '', map[k]);
      option.value = k;
      select.appendChild(option);
    });
    select.value = value;
    return select;
  }

  function documentRow(d) {
    var tr = el('tr');
    var titleCell = el('td');
    var link = el('a', '', d.title);
    link.href = '/sources/' + encodeURIComponent(d.id);
    titleCell.appendChild(link);
    tr.appendChild(titleCell);
    tr.appendChild(el('td', '', d.number || ''));
    tr.appendChild(el('td', '', d.type || ''));

    var statusCell = el('td');
    var status = selectFor(STATUS_LABELS, d.status, 'Hiệu lực của văn bản ' + d.title);
    statusCell.appendChild(status);
    tr.appendChild(statusCell);
    var audienceCell = el('td');
    var audience = selectFor(AUDIENCE_LABELS, d.audience, 'Phạm vi của văn bản ' + d.title);
    audienceCell.appendChild(audience);
    tr.appendChild(audienceCell);
    tr.appendChild(el('td', 'num', formatNumber(d.chunkCount)));

    var current = { status: d.status, audience: d.audience };
    function patch(field, select) {
      var body = {};
      body[field] = select.value;
      select.disabled = true;
      sendJson('PATCH', '/api/admin/documents/' + encodeURIComponent(d.id), body).then(function (res) {
        current[field] = res[field];
        select.value = res[field];
        docsStatus.textContent = 'Đã cập nhật văn bản “' + d.title + '”: ' +
          (field === 'status' ? 'hiệu lực ' + labelOf(STATUS_LABELS, res.status) : 'phạm vi ' + labelOf(AUDIENCE_LABELS, res.audience)) + '.';
      }, function (err) {
        select.value = current[field];
        docsStatus.textContent = 'Không cập nhật được văn bản “' + d.title + '”: ' + err.message;
      }).then(function () {
        select.disabled = false;
      });
    }
    status.addEventListener('change', function () { patch('status', status); });
    audience.addEventListener('change', function () { patch('audience', audience); });

    var actions = el('td', 'actions');
    if (uploadedIds === null || uploadedIds[d.id]) actions.appendChild(deleteControls(d));
    else actions.appendChild(el('span', 'muted', 'Văn bản có sẵn'));
    tr.appendChild(actions);
    return tr;
  }

  /** "Xóa" asks for a confirmation in place (no dialog), then deletes and re-indexes. */
  function deleteControls(d) {
    var box = el('div', 'button-row');
    var del = el('button', 'secondary', 'Xóa');
    del.type = 'button';
    del.setAttribute('aria-label', 'Xóa văn bản ' + d.title);
    box.appendChild(del);
    var confirm = el('button', '', 'Xác nhận xóa');
    confirm.type = 'button';
    confirm.setAttribute('aria-label', 'Xác nhận xóa văn bản ' + d.title);
    confirm.hidden = true;
    var cancel = el('button', 'secondary', 'Hủy');
    cancel.type = 'button';
    cancel.hidden = true;
    box.appendChild(confirm);
    box.appendChild(cancel);
    del.addEventListener('click', function () {
      del.hidden = true;
      confirm.hidden = false;
      cancel.hidden = false;
      confirm.focus();
    });
    cancel.addEventListener('click', function () {
      confirm.hidden = true;
      cancel.hidden = true;
      del.hidden = false;
      del.focus();
    });
    confirm.addEventListener('click', function () {
      confirm.disabled = true;
      cancel.disabled = true;
      requestJson('/api/admin/documents/' + encodeURIComponent(d.id), { method: 'DELETE' }).then(function (res) {
        docsStatus.textContent = 'Đã xóa văn bản “' + d.title + '”. Đang lập chỉ mục lại.';
        if (res && res.job) follow(res.job, res.queued);
      }, function (err) {
        docsStatus.textContent = 'Không xóa được văn bản “' + d.title + '”: ' + err.message;
        confirm.disabled = false;
        cancel.disabled = false;
        cancel.click();
      });
    });
    return box;
  }

  $('doc-filter-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    loadDocuments();
  });
  var filterTimer = null;
  $('doc-filter').addEventListener('input', function () {
    if (filterTimer) window.clearTimeout(filterTimer);
    filterTimer = window.setTimeout(loadDocuments, 300);
  });

  // ---- Audit trail --------------------------------------------------------------------------

  function loadAudit() {
    var body = $('audit-body');
    var status = $('audit-status');
    status.textContent = 'Đang tải nhật ký…';
    // The trail comes oldest first and `limit` keeps the oldest: read the last week (or
    // everything when the week holds fewer than 100) and show the latest 100, newest first.
    var weekAgo = new Date(Date.now() - 7 * 86400000).toISOString();
    var path = '/api/admin/audit?format=json&limit=100000';
    return requestJson(path + '&from=' + encodeURIComponent(weekAgo)).then(function (res) {
      return res.records.length >= 100 ? res : requestJson(path);
    }).then(function (res) {
      clear(body);
      var records = res.records.slice().sort(function (a, b) { return a.time < b.time ? 1 : a.time > b.time ? -1 : 0; }).slice(0, 100);
      records.forEach(function (r) {
        var tr = el('tr');
        tr.appendChild(el('td', 'nowrap', formatTime(r.time)));
        tr.appendChild(el('td', '', labelOf(ROLE_LABELS, r.role)));
        tr.appendChild(el('td', 'question', r.question));
        tr.appendChild(el('td', 'outcome-' + r.outcome, labelOf(OUTCOME_LABELS, r.outcome)));
        tr.appendChild(el('td', '', reasonText(r.reason)));
        body.appendChild(tr);
      });
      if (records.length === 0) {
        var tr = el('tr');
        var td = el('td', 'muted', 'Chưa có lượt hỏi đáp nào.');
        td.colSpan = 5;
        tr.appendChild(td);
        body.appendChild(tr);
      }
      status.textContent = records.length ? 'Hiện ' + records.length + ' lượt hỏi đáp gần nhất (mới nhất ở trên).' : '';
    }, function (err) {
      status.textContent = 'Không tải được nhật ký: ' + err.message;
    });
  }

  $('audit-refresh').addEventListener('click', loadAudit);

  $('audit-csv').addEventListener('click', function () {
    var button = $('audit-csv');
    var status = $('audit-status');
    button.disabled = true;
    status.textContent = 'Đang chuẩn bị tệp CSV…';
    request('/api/admin/audit?format=csv&limit=100000').then(function (res) {
      var disposition = res.headers.get('Content-Disposition') || '';
      var m = /filename="([^"]+)"/.exec(disposition);
      var name = m ? m[1] : 'nhat-ky.csv';
      return res.blob().then(function (blob) {
        var url = URL.createObjectURL(new Blob([blob], { type: 'text/csv;charset=utf-8' }));
        var a = el('a');
        a.href = url;
        a.download = name;
        a.hidden = true;
        document.body.appendChild(a);
        a.click();
        a.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        status.textContent = 'Đã tải tệp ' + name + '.';
      });
    }).catch(function (err) {
      status.textContent = 'Không tải được tệp CSV: ' + err.message;
    }).then(function () {
      button.disabled = false;
    });
  });

  // ---- Usage statistics ------------------------------------------------------------------------

  var lastStats = null;

  function loadStats() {
    var status = $('stats-status');
    status.textContent = 'Đang tải thống kê…';
    return requestJson('/api/admin/stats').then(function (stats) {
      lastStats = stats;
      status.textContent = '';
      renderDays(stats.questionsPerDay || {});
      renderBars($('chart-refusals'), Object.keys(stats.refusalRateByReason || {}).map(function (k) {
        var share = stats.refusalRateByReason[k];
        return { label: reasonText(k), value: share, text: (share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + '%' };
      }).sort(function (a, b) { return b.value - a.value; }), 'Chưa có câu hỏi nào bị từ chối.', 1);
      renderTopDocuments();
      renderBars($('chart-notfound'), (stats.notFound || []).slice(0, 20).map(function (q) {
        return { label: q.question, value: q.count, text: formatNumber(q.count) + ' lượt' };
      }), 'Chưa có câu hỏi nào không tìm thấy nguồn.');
    }, function (err) {
      status.textContent = 'Không tải được thống kê: ' + err.message;
    });
  }

  function renderTopDocuments() {
    if (!lastStats) return;
    renderBars($('chart-top'), (lastStats.topDocuments || []).slice(0, 10).map(function (t) {
      return { label: titles[t.docId] || t.docId, value: t.count, text: formatNumber(t.count) + ' lượt', href: '/sources/' + encodeURIComponent(t.docId) };
    }), 'Chưa có văn bản nào được trích dẫn.');
  }

  /** A list of labelled horizontal bars: the text is the alternative, the bar is decoration. */
  function renderBars(target, rows, emptyText, fixedMax) {
    clear(target);
    if (rows.length === 0) {
      target.appendChild(el('p', 'muted', emptyText));
      return;
    }
    var max = fixedMax || Math.max.apply(null, rows.map(function (r) { return r.value; })) || 1;
    var ol = el('ol', 'bars');
    rows.forEach(function (r) {
      var li = el('li');
      var label = el('span', 'bar-label');
      if (r.href) {
        var a = el('a', '', r.label);
        a.href = r.href;
        label.appendChild(a);
      } else {
        label.textContent = r.label;
      }
      li.appendChild(label);
      li.appendChild(el('span', 'bar-value', ': ' + r.text));
      var track = el('span', 'bar-track');
      track.setAttribute('aria-hidden', 'true');
      var fill = el('span', 'bar-fill');
      // CSSOM, not a style attribute: allowed by the page's CSP.
      fill.style.width = Math.max(1, Math.round((r.value / max) * 100)) + '%';
      track.appendChild(fill);
      li.appendChild(track);
      ol.appendChild(li);
    });
    target.appendChild(ol);
  }

  /** Vertical bars per day in SVG built with DOM APIs, and the same figures as a table. */
  function renderDays(perDay) {
    var target = $('chart-days');
    clear(target);
    var days = Object.keys(perDay).sort();
    if (days.length === 0) {
      target.appendChild(el('p', 'muted', 'Chưa có câu hỏi nào.'));
      return;
    }
    days = days.slice(-31);
    var max = Math.max.apply(null, days.map(function (d) { return perDay[d]; })) || 1;
    var total = days.reduce(function (s, d) { return s + perDay[d]; }, 0);
    var width = 300;
    var height = 120;
    var gap = 2;
    // A single day must not fill the whole chart: bars are at most a tenth of its width.
    var barW = Math.min(width / 10, Math.max(2, (width - gap * days.length) / days.length));
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (height + 4));
    svg.setAttribute('class', 'day-chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Biểu đồ cột: ' + formatNumber(total) + ' câu hỏi trong ' + days.length +
      ' ngày, nhiều nhất ' + formatNumber(max) + ' câu một ngày. Số liệu chi tiết ở bảng bên dưới.');
    days.forEach(function (d, i) {
      var h = Math.max(1, (perDay[d] / max) * height);
      var rect = document.createElementNS(SVG_NS, 'rect');
      rect.setAttribute('x', String(i * (barW + gap)));
      rect.setAttribute('y', String(height - h));
      rect.setAttribute('width', String(barW));
      rect.setAttribute('height', String(h));
      rect.setAttribute('class', 'day-bar');
      var title = document.createElementNS(SVG_NS, 'title');
      title.textContent = d + ': ' + perDay[d] + ' câu hỏi';
      rect.appendChild(title);
      svg.appendChild(rect);
    });
    var axis = document.createElementNS(SVG_NS, 'line');
    axis.setAttribute('x1', '0');
    axis.setAttribute('x2', String(width));
    axis.setAttribute('y1', String(height + 1));
    axis.setAttribute('y2', String(height + 1));
    axis.setAttribute('class', 'day-axis');
    svg.appendChild(axis);
    target.appendChild(svg);
    var first = days[0].split('-').reverse().join('/');
    var last = days[days.length - 1].split('-').reverse().join('/');
    target.appendChild(el('p', 'chart-caption', 'Tổng ' + formatNumber(total) + ' câu hỏi, từ ' + first + ' đến ' + last +
      '; nhiều nhất ' + formatNumber(max) + ' câu một ngày.'));
    var details = el('details');
    details.appendChild(el('summary', '', 'Bảng số liệu theo ngày'));
    var table = el('table', 'data-table compact');
    table.appendChild(el('caption', 'visually-hidden', 'Số câu hỏi theo ngày'));
    var head = el('tr');
    var th1 = el('th', '', 'Ngày');
    th1.scope = 'col';
    var th2 = el('th', '', 'Số câu hỏi');
    th2.scope = 'col';
    head.appendChild(th1);
    head.appendChild(th2);
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el('tbody');
    days.slice().reverse().forEach(function (d) {
      var tr = el('tr');
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
      tr.appendChild(el('td', '', m ? m[3] + '/' + m[2] + '/' + m[1] : d));
      tr.appendChild(el('td', 'num', formatNumber(perDay[d])));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    details.appendChild(table);
    target.appendChild(details);
  }

  $('stats-refresh').addEventListener('click', loadStats);

  // ---- Start ---------------------------------------------------------------------------------

  if (token) {
    requestJson('/api/admin/jobs', { loginCheck: true }).then(signedIn, function (err) {
      signedOut(err.status === 401 || err.status === 403 ? err.message : '');
      if (err.status !== 401 && err.status !== 403) showLoginError(err.message);
    });
  } else {
    $('admin-token').focus();
  }
})();
