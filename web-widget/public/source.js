/*
 * The source view a citation links to: /sources/<docId>?chunk=<chunkId>. Renders the
 * document's metadata and sections and highlights the cited one. Everything from the API
 * is set with textContent (documents may contain markup), never innerHTML.
 */
/* global document, location, sessionStorage, fetch, URLSearchParams */
(function () {
  'use strict';

  var TOKEN_KEY = 'tro-ly-ao-token';
  var ADMIN_TOKEN_KEY = 'tro-ly-ao-admin-token';
  /** Sections loaded at once: each is one request, and citizens share a small per-minute budget with the chat. */
  var LOAD_ALL_UP_TO = 15;
  var NEIGHBOURS = 3;
  var NOT_FOUND = 'Không tìm thấy văn bản này hoặc bạn không có quyền xem.';
  var STATUS_LABELS = { in_force: 'Còn hiệu lực', superseded: 'Đã được thay thế', expired: 'Hết hiệu lực' };
  var AUDIENCE_LABELS = { public: 'Công khai', internal: 'Nội bộ' };

  var statusEl = document.getElementById('source-status');
  var errorEl = document.getElementById('source-error');
  var articleEl = document.getElementById('source-document');
  var sectionsEl = document.getElementById('doc-sections');

  function token() {
    try {
      // An admin following a link from the admin console may view internal documents too.
      return sessionStorage.getItem(TOKEN_KEY) || sessionStorage.getItem(ADMIN_TOKEN_KEY) || '';
    } catch {
      return '';
    }
  }

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function getJson(path) {
    var headers = { Accept: 'application/json' };
    var t = token();
    if (t) headers.Authorization = 'Bearer ' + t;
    return fetch(path, { headers: headers }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (res.ok) return body;
        var message = body && typeof body.message === 'string' ? body.message : 'Có lỗi xảy ra (mã ' + res.status + ').';
        throw new ApiError(res.status, message);
      });
    }, function () {
      throw new ApiError(0, 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function showError(message) {
    statusEl.textContent = '';
    errorEl.textContent = message;
    errorEl.hidden = false;
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : iso;
  }

  function docIdFromPath() {
    var rest = location.pathname.replace(/^\/sources\//, '');
    try {
      return decodeURIComponent(rest);
    } catch {
      return rest;
    }
  }

  function citedOrdinal() {
    var chunk = new URLSearchParams(location.search).get('chunk');
    if (!chunk) return null;
    var n = Number(chunk.slice(chunk.lastIndexOf('#') + 1));
    return Number.isInteger(n) ? n : null;
  }

  function addMeta(dl, label, value, badgeClass) {
    if (value === undefined || value === null || value === '') return;
    dl.appendChild(el('dt', '', label));
    var dd = el('dd');
    if (badgeClass) dd.appendChild(el('span', 'badge ' + badgeClass, value));
    else dd.textContent = String(value);
    dl.appendChild(dd);
  }

  function renderDocument(doc) {
    document.title = doc.title + ' — Trợ lý ảo Quảng Ngãi';
    document.getElementById('doc-title').textContent = doc.title;
    var dl = document.getElementById('doc-meta');
    addMeta(dl, 'Số ký hiệu', doc.number);
    addMeta(dl, 'Loại văn bản', doc.type);
    addMeta(dl, 'Cơ quan ban hành', doc.issuer);
    addMeta(dl, 'Ngày ban hành', doc.issuedDate ? formatDate(doc.issuedDate) : '');
    addMeta(dl, 'Ngày hiệu lực', doc.effectiveDate ? formatDate(doc.effectiveDate) : '');
    addMeta(dl, 'Tình trạng', STATUS_LABELS[doc.status] || doc.status, 'badge-' + doc.status);
    if (doc.supersededBy) addMeta(dl, 'Được thay thế bởi', doc.supersededBy);
    if (doc.audience === 'internal') addMeta(dl, 'Phạm vi', AUDIENCE_LABELS.internal);
  }

  function sectionTitle(s) {
    return s.section || (s.headingTrail && s.headingTrail.length ? s.headingTrail[s.headingTrail.length - 1] : 'Đoạn ' + (s.ordinal + 1));
  }

  /** One list item per section; texts are filled in as they load. */
  function renderSkeleton(doc, cited) {
    var items = {};
    doc.sections.forEach(function (s) {
      var li = el('li', 'section');
      li.id = 'doan-' + s.ordinal;
      if (s.ordinal === cited) {
        li.classList.add('cited');
        li.setAttribute('aria-current', 'true');
        li.setAttribute('tabindex', '-1');
        li.appendChild(el('h2', 'cited-label', 'Đoạn được trích dẫn'));
      }
      li.appendChild(el('h3', '', sectionTitle(s)));
      if (s.headingTrail && s.headingTrail.length > 1) {
        li.appendChild(el('p', 'trail', s.headingTrail.join(' › ')));
      }
      var body = el('div', 'body');
      li.appendChild(body);
      if (s.page) li.appendChild(el('p', 'page', 'Trang ' + s.page));
      sectionsEl.appendChild(li);
      items[s.ordinal] = { li: li, body: body, section: s };
    });
    return items;
  }

  function loadSection(docId, item) {
    item.body.textContent = '';
    item.body.appendChild(el('p', 'muted', 'Đang tải nội dung…'));
    return getJson('/api/documents/' + encodeURIComponent(docId) + '/chunks/' + item.section.ordinal).then(function (res) {
      item.body.textContent = '';
      item.body.appendChild(el('p', 'text', res.chunk.text));
    }, function (err) {
      item.body.textContent = '';
      item.body.appendChild(el('p', 'error', err.message));
      addLoadButton(docId, item, 'Thử tải lại');
    });
  }

  function addLoadButton(docId, item, label) {
    var button = el('button', 'secondary', label);
    button.type = 'button';
    button.setAttribute('aria-label', label + ': ' + sectionTitle(item.section));
    button.addEventListener('click', function () {
      loadSection(docId, item).then(function () {
        var text = item.body.querySelector('.text');
        if (text) {
          text.setAttribute('tabindex', '-1');
          text.focus();
        }
      });
    });
    item.body.appendChild(button);
  }

  /** At most `width` requests at a time, in the given order. */
  function loadAll(docId, list, width) {
    var next = 0;
    function worker() {
      if (next >= list.length) return Promise.resolve();
      var item = list[next++];
      return loadSection(docId, item).then(worker);
    }
    var workers = [];
    for (var i = 0; i < width; i++) workers.push(worker());
    return Promise.all(workers);
  }

  function start() {
    var docId = docIdFromPath();
    if (!docId) {
      showError(NOT_FOUND);
      return;
    }
    var cited = citedOrdinal();
    getJson('/api/documents/' + encodeURIComponent(docId)).then(function (doc) {
      renderDocument(doc);
      var sections = doc.sections || [];
      if (cited !== null && !sections.some(function (s) { return s.ordinal === cited; })) cited = null;
      var items = renderSkeleton(doc, cited);
      var centre = cited === null ? 0 : sections.findIndex(function (s) { return s.ordinal === cited; });
      var eager = [];
      sections.forEach(function (s, i) {
        var item = items[s.ordinal];
        if (sections.length <= LOAD_ALL_UP_TO || Math.abs(i - centre) <= NEIGHBOURS) eager.push(item);
        else addLoadButton(docId, item, 'Hiện nội dung đoạn này');
      });
      // The cited section first, then the others in document order.
      eager.sort(function (a, b) {
        return (a.section.ordinal === cited ? -1 : 0) - (b.section.ordinal === cited ? -1 : 0);
      });
      var notice = document.getElementById('doc-notice');
      notice.textContent = sections.length === 0
        ? 'Văn bản này chưa có đoạn nội dung nào.'
        : eager.length < sections.length
          ? 'Văn bản có ' + sections.length + ' đoạn; đang hiện các đoạn gần đoạn được trích dẫn. Bấm “Hiện nội dung đoạn này” để xem thêm.'
          : 'Văn bản có ' + sections.length + ' đoạn.';
      articleEl.hidden = false;
      if (cited !== null) {
        document.getElementById('cited-nav').hidden = false;
        var link = document.getElementById('cited-link');
        link.href = '#doan-' + cited;
        link.addEventListener('click', function (ev) {
          ev.preventDefault();
          focusCited(items[cited].li);
        });
      }
      statusEl.textContent = 'Đang tải nội dung văn bản…';
      var firstLoad = cited === null ? Promise.resolve() : loadSection(docId, items[cited]).then(function () {
        focusCited(items[cited].li);
      });
      return firstLoad.then(function () {
        return loadAll(docId, eager.filter(function (it) { return it.section.ordinal !== cited; }), 3);
      }).then(function () {
        statusEl.textContent = cited === null ? 'Đã tải văn bản.' : 'Đã tải văn bản; đoạn được trích dẫn được tô đậm.';
        // Loading neighbours above the cited section moved it: bring it back into view.
        if (cited !== null && document.activeElement === items[cited].li) items[cited].li.scrollIntoView({ block: 'start' });
      });
    }).catch(function (err) {
      if (err instanceof ApiError) showError(err.status === 404 ? NOT_FOUND : err.message);
      else showError('Có lỗi khi hiển thị văn bản. Vui lòng tải lại trang.');
    });
  }

  function focusCited(li) {
    li.scrollIntoView({ block: 'start' });
    li.focus({ preventScroll: true });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
