/*
 * marking task pane: in Word it reads the open document through Office.js, in a plain browser it takes a
 * file from the picker or a drop; either way it sends the bytes to the local bridge (same origin) and
 * shows findings, stamps, or the pre-send decision. Needs a modern webview (WebView2, WebKit, Chromium).
 */
(function () {
  'use strict';

  var SLICE_SIZE = 4 * 1024 * 1024;
  /** Where versions before pairing kept the token; removed on sight. */
  var OLD_TOKEN_KEY = 'marking.bridge.token';
  var CHANNELS = ['email', 'im', 'netdisk', 'post', 'usb', 'fax', 'crypto-fax', 'courier', 'print'];
  var SEVERITIES = ['error', 'warning', 'info'];

  var TEXT = {
    zh: {
      title: '密级标志', modeOffice: 'Word', modeBrowser: '浏览器', pairLabel: '配对码',
      pairHint: '第一次使用：输入 marking bridge 启动时显示的配对码（只需一次）。', pair: '配对',
      paired: '已配对。', pairRefused: '配对码不对或已用过：请输入 marking bridge 显示的新配对码。',
      pairThrottled: '请稍等一秒再试。',
      currentDocument: '当前文档', dropHint: '把文件拖到这里，或点击选择', extensions: '（{0}）',
      check: '检查', mark: '标注', level: '密级', term: '保密期限', termHint: '5、6个月、2030-12-31、长期',
      copy: '份号', copyHint: '可选，如 3', markButton: '标注', presend: '发送前检查', channel: '渠道',
      presendButton: '检查能否发送', footer: '文档只发送到本机的 marking 服务，不离开这台电脑。',
      error: '错误', warning: '警告', info: '提示', noFindings: '没有发现问题。', unmarked: '未标注',
      markingIs: '标志', reading: '正在读取文档…', checking: '正在检查…', stamping: '正在标注…',
      sending: '正在检查…', checked: '检查完成', stamped: '已标注：', replaced: '已用标注后的文档替换当前文档：',
      download: '下载 {0}', allowed: '可以通过“{0}”发送', blocked: '不能通过“{0}”发送', chooseFile: '请先选择文件。',
      needPairing: '请先配对。', tooLarge: '文件太大（上限 {0} MB）。', failed: '失败：', part: '{0}', section: '第{0}节', page: '第{0}页',
      paragraph: '第{0}段', line: '第{0}行', column: '第{0}列', wholeFile: '整个文件',
      ch_email: '电子邮件', ch_im: '即时通讯（QQ/微信）', ch_netdisk: '网盘', ch_post: '邮寄', ch_usb: 'U盘', 'ch_fax': '普通传真', 'ch_crypto-fax': '密码传真',
      ch_courier: '机要交通', ch_print: '打印'
    },
    en: {
      title: 'Classification marks', modeOffice: 'Word', modeBrowser: 'Browser', pairLabel: 'Pairing code',
      pairHint: 'First use: type the pairing code marking bridge shows (once only).', pair: 'Pair',
      paired: 'Paired.', pairRefused: 'Wrong or used code: type the new code marking bridge shows.',
      pairThrottled: 'Wait a second, then try again.',
      currentDocument: 'Current document', dropHint: 'Drop a file here or click to choose', extensions: ' ({0})',
      check: 'Check', mark: 'Mark', level: 'Level', term: 'Term', termHint: '5, 6个月, 2030-12-31, 长期',
      copy: 'Copy no.', copyHint: 'optional, e.g. 3', markButton: 'Mark', presend: 'Pre-send check', channel: 'Channel',
      presendButton: 'May it be sent?', footer: 'Documents go only to the marking service on this computer.',
      error: 'Errors', warning: 'Warnings', info: 'Notes', noFindings: 'No findings.', unmarked: 'unmarked',
      markingIs: 'Marking', reading: 'Reading the document…', checking: 'Checking…', stamping: 'Marking…',
      sending: 'Checking…', checked: 'Checked', stamped: 'Marked: ', replaced: 'Replaced the document with the marked one: ',
      download: 'Download {0}', allowed: 'May be sent by {0}', blocked: 'May not be sent by {0}',
      chooseFile: 'Choose a file first.', needPairing: 'Pair this pane first.',
      tooLarge: 'The file is too large (limit {0} MB).', failed: 'Failed: ', part: '{0}',
      section: 'section {0}', page: 'page {0}', paragraph: 'paragraph {0}', line: 'line {0}', column: 'column {0}',
      wholeFile: 'whole file', ch_email: 'e-mail', ch_im: 'instant messaging', ch_netdisk: 'cloud drive',
      ch_post: 'post', ch_usb: 'USB stick', 'ch_fax': 'plain fax', 'ch_crypto-fax': 'crypto fax', ch_courier: 'classified courier', ch_print: 'print'
    }
  };

  // extensions: what the bridge's format registry reads (GET /api/v1/health); the page keeps no list of its own.
  var state = { lang: 'zh', office: false, file: null, downloadUrl: null, decided: false, maxBody: 0,
    extensions: [] };

  function $(id) { return document.getElementById(id); }

  function t(key) {
    var s = (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.en[key] || key;
    for (var i = 1; i < arguments.length; i++) {
      s = s.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return s;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function applyTexts() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (e) {
      e.placeholder = t(e.getAttribute('data-i18n-placeholder'));
    });
    $('mode').textContent = state.office ? t('modeOffice') : t('modeBrowser');
    fillChannels(CHANNELS);
    showExtensions();
  }

  /** The file picker and its hint take the extensions the bridge reads. */
  function showExtensions() {
    var dotted = state.extensions.map(function (e) { return '.' + e; });
    $('file').accept = dotted.join(',');
    $('drop').querySelector('[data-i18n="dropHint"]').textContent = t('dropHint')
      + (dotted.length ? t('extensions', dotted.join(' ')) : '');
  }

  function setStatus(text, isError) {
    $('status').textContent = text || '';
    $('status').classList.toggle('error', !!isError);
  }

  /** Tests (and screen readers) learn that an action finished from here. */
  function finished(action, ok) {
    document.body.setAttribute('data-last', action + ':' + (ok ? 'ok' : 'error'));
    var n = Number(document.body.getAttribute('data-done') || '0') + 1;
    document.body.setAttribute('data-done', String(n));
  }

  function busy(on) {
    ['check', 'markButton', 'presendButton'].forEach(function (id) { $(id).disabled = on; });
  }

  // ---- pairing ----------------------------------------------------------------------------------
  // The bridge keeps the pane's access in an HttpOnly cookie: no token in the address, the history or storage.

  function needPairing(on) {
    $('connect').hidden = !on;
    document.body.setAttribute('data-paired', on ? 'false' : 'true');
  }

  function forgetOldToken() {
    try { localStorage.removeItem(OLD_TOKEN_KEY); } catch (e) { /* no storage: nothing kept either */ }
  }

  function pair() {
    var code = $('pairingCode').value.replace(/[\s-]/g, '');
    return fetch('/api/v1/pair', { method: 'POST', headers: { 'X-Marking-Pairing-Code': code },
      credentials: 'same-origin', cache: 'no-store' }).then(function (resp) {
      $('pairingCode').value = '';
      if (!resp.ok) {
        setStatus(t(resp.status === 429 ? 'pairThrottled' : 'pairRefused'), true);
        finished('pair', false);
        return null;
      }
      needPairing(false);
      setStatus(t('paired'));
      return loadPolicy().then(function () { finished('pair', true); });
    }, function (e) {
      setStatus(t('failed') + (e && e.message ? e.message : e), true);
      finished('pair', false);
    });
  }

  // ---- bridge API --------------------------------------------------------------------------------

  function api(endpoint, params, doc) {
    if (doc && state.maxBody && doc.bytes.length > state.maxBody) {
      return Promise.reject(new Error(t('tooLarge', Math.round(state.maxBody / 1048576))));
    }
    var query = Object.assign({ lang: state.lang }, params || {});
    var qs = Object.keys(query).filter(function (k) { return query[k] !== '' && query[k] !== undefined; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(query[k]); }).join('&');
    var headers = {};
    var init = { method: doc ? 'POST' : 'GET', headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (doc) {
      headers['X-Marking-Filename'] = encodeURIComponent(doc.name);
      headers['Content-Type'] = 'application/octet-stream';
      init.body = doc.bytes;
    }
    return fetch('/api/v1/' + endpoint + (qs ? '?' + qs : ''), init).then(function (resp) {
      if (resp.ok) { needPairing(false); return resp; }
      if (resp.status === 401) {
        needPairing(true);
        throw new Error(t('needPairing'));
      }
      return resp.json().catch(function () { return {}; }).then(function (body) {
        throw new Error((body.error ? body.error + ': ' : '') + (body.message || ('HTTP ' + resp.status)));
      });
    });
  }

  function loadPolicy() {
    api('health').then(function (r) { return r.json(); }).then(function (h) {
      state.maxBody = h.maxBody || 0;
      state.extensions = h.extensions || [];
      showExtensions();
    }).catch(function () { state.maxBody = 0; });
    return api('policy').then(function (r) { return r.json(); }).then(function (policy) {
      var levels = [];
      (policy.schemes || []).forEach(function (s) { s.levels.forEach(function (l) { levels.push(l.name); }); });
      fillLevels(levels);
      var names = Object.keys(policy.channels || {});
      fillChannels(CHANNELS.filter(function (c) { return names.indexOf(c) >= 0; }));
    }).catch(function () { fillLevels(['绝密', '机密', '秘密', '公开', '非密']); });
  }

  function fillLevels(levels) {
    var sel = $('level');
    var keep = sel.value || '机密';
    sel.textContent = '';
    levels.forEach(function (name) { var o = el('option', null, name); o.value = name; sel.appendChild(o); });
    sel.value = levels.indexOf(keep) >= 0 ? keep : levels[0];
  }

  function fillChannels(channels) {
    var sel = $('channel');
    var keep = sel.value || 'email';
    sel.textContent = '';
    channels.forEach(function (c) { var o = el('option', null, t('ch_' + c)); o.value = c; sel.appendChild(o); });
    sel.value = channels.indexOf(keep) >= 0 ? keep : channels[0];
  }

  // ---- the document: from Word or from a file ----------------------------------------------------

  function officeName() {
    var url = (Office.context.document && Office.context.document.url) || '';
    var name = url.split(/[\\/]/).pop() || '';
    try { name = decodeURIComponent(name); } catch (e) { name = name || ''; }
    // Word hands over the open document as OOXML: a name without a .docx ends in .docx.
    if (!/\.docx$/i.test(name)) {
      name = (name.replace(/\.[^.]*$/, '') || 'document') + '.docx';
    }
    return name;
  }

  function toBytes(data) {
    if (data instanceof Uint8Array) { return data; }
    if (data instanceof ArrayBuffer) { return new Uint8Array(data); }
    return Uint8Array.from(data);
  }

  /** The open document as OOXML, read slice by slice (Office.FileType.Compressed). */
  function readOfficeDocument() {
    return new Promise(function (resolve, reject) {
      Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, function (res) {
        if (res.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new Error(res.error ? res.error.message : 'getFileAsync failed'));
          return;
        }
        var file = res.value;
        var parts = [];
        var total = 0;
        var done = function (err) {
          file.closeAsync(function () {});
          if (err) { reject(err); return; }
          var all = new Uint8Array(total);
          var at = 0;
          parts.forEach(function (p) { all.set(p, at); at += p.length; });
          resolve({ name: officeName(), bytes: all });
        };
        var next = function (i) {
          if (i >= file.sliceCount) { done(); return; }
          file.getSliceAsync(i, function (r) {
            if (r.status !== Office.AsyncResultStatus.Succeeded) {
              done(new Error(r.error ? r.error.message : 'getSliceAsync failed'));
              return;
            }
            var bytes = toBytes(r.value.data);
            parts.push(bytes);
            total += bytes.length;
            next(i + 1);
          });
        };
        next(0);
      });
    });
  }

  function currentDocument() {
    if (state.office) {
      setStatus(t('reading'));
      return readOfficeDocument();
    }
    return state.file ? Promise.resolve(state.file) : Promise.reject(new Error(t('chooseFile')));
  }

  function takeFile(f) {
    if (!f) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      state.file = { name: f.name, bytes: new Uint8Array(reader.result) };
      $('fileName').textContent = f.name;
      document.body.setAttribute('data-file', f.name);
    };
    reader.readAsArrayBuffer(f);
  }

  function base64(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(s);
  }

  /** Replaces the open document with the stamped one and sets the §3.4 properties on it. */
  function replaceInWord(bytes, properties) {
    var b64 = base64(bytes);
    var setProperties = function (ctx) {
      var custom = ctx.document.properties && ctx.document.properties.customProperties;
      if (custom && custom.add) {
        Object.keys(properties).forEach(function (k) { custom.add(k, properties[k]); });
      }
    };
    return Word.run(function (ctx) {
      if (typeof ctx.document.insertFileFromBase64 === 'function') {
        ctx.document.insertFileFromBase64(b64, 'Replace', { importTheme: true, importStyles: true,
          importParagraphSpacing: true, importPageColor: true, importDifferentOddEvenPages: true });
      } else {
        ctx.document.body.insertFileFromBase64(b64, 'Replace');
      }
      setProperties(ctx);
      return ctx.sync();
    }).catch(function () {
      // Older hosts: the body-level call (WordApi 1.1) keeps the stamped body, headers come with it where supported.
      return Word.run(function (ctx) {
        ctx.document.body.insertFileFromBase64(b64, 'Replace');
        setProperties(ctx);
        return ctx.sync();
      });
    });
  }

  // ---- actions -----------------------------------------------------------------------------------

  function run(action, work) {
    busy(true);
    return currentDocument().then(work).then(function () {
      finished(action, true);
    }).catch(function (e) {
      setStatus(t('failed') + (e && e.message ? e.message : e), true);
      finished(action, false);
    }).then(function () { busy(false); });
  }

  function check() {
    return run('check', function (doc) {
      setStatus(t('checking'));
      return api('verify', {}, doc).then(function (r) { return r.json(); }).then(function (report) {
        $('decision').hidden = true;
        showReport(report);
        setStatus(t('checked') + ' — ' + doc.name);
      });
    });
  }

  function mark() {
    return run('mark', function (doc) {
      setStatus(t('stamping'));
      var params = { level: $('level').value, term: $('term').value.trim(), copy: $('copy').value.trim() };
      return api('stamp', params, doc).then(function (resp) {
        var name = decodeURIComponent(resp.headers.get('X-Marking-Filename') || doc.name);
        var mk = decodeURIComponent(resp.headers.get('X-Marking-Mark') || '');
        var props = JSON.parse(decodeURIComponent(resp.headers.get('X-Marking-Properties') || '%7B%7D'));
        return resp.arrayBuffer().then(function (buf) {
          var bytes = new Uint8Array(buf);
          if (state.office) {
            return replaceInWord(bytes, props).then(function () { setStatus(t('replaced') + mk); });
          }
          offerDownload(name, bytes, resp.headers.get('Content-Type'));
          setStatus(t('stamped') + mk);
          return null;
        });
      });
    });
  }

  function offerDownload(name, bytes, type) {
    if (state.downloadUrl) { URL.revokeObjectURL(state.downloadUrl); }
    state.downloadUrl = URL.createObjectURL(new Blob([bytes], { type: type || 'application/octet-stream' }));
    var a = $('download');
    a.href = state.downloadUrl;
    a.download = name;
    a.textContent = t('download', name);
    a.hidden = false;
  }

  function presend() {
    return run('presend', function (doc) {
      setStatus(t('sending'));
      var channel = $('channel').value;
      return api('presend', { channel: channel }, doc).then(function (r) { return r.json(); }).then(function (res) {
        showDecision(res, channel);
        setStatus('');
      });
    });
  }

  // ---- rendering ---------------------------------------------------------------------------------

  function where(loc) {
    var parts = [];
    if (!loc) { return t('wholeFile'); }
    if (loc.part) { parts.push(t('part', loc.part)); }
    ['section', 'page', 'paragraph', 'line', 'column'].forEach(function (k) {
      if (loc[k]) { parts.push(t(k, loc[k])); }
    });
    return parts.length ? parts.join(state.lang === 'zh' ? ' ' : ', ') : t('wholeFile');
  }

  function markingText(m) {
    if (!m) { return t('unmarked'); }
    var s = m.level + (m.term ? '★' + m.term : '');
    return m.copy ? s + ' 第' + m.copy + '份' : s;
  }

  function showReport(report) {
    var box = $('results');
    box.textContent = '';
    var file = (report.files || [])[0] || { findings: [] };
    var head = el('p', null, t('markingIs') + ': ');
    head.appendChild(el('span', 'marking', markingText(file.marking)));
    box.appendChild(head);
    if (!file.findings.length) {
      box.appendChild(el('p', 'none', t('noFindings')));
    }
    SEVERITIES.forEach(function (sev) {
      var list = file.findings.filter(function (f) { return f.severity === sev; });
      if (!list.length) { return; }
      box.appendChild(el('h2', sev, t(sev) + ' (' + list.length + ')'));
      var ul = el('ul', 'findings');
      list.forEach(function (f) {
        var li = el('li', sev);
        li.setAttribute('data-rule', f.rule);
        li.appendChild(el('div', 'message', f.message));
        var meta = el('div', 'where');
        meta.appendChild(el('span', 'rule', f.rule));
        meta.appendChild(document.createTextNode(' · ' + where(f.location)));
        li.appendChild(meta);
        if (f.evidence) { li.appendChild(el('span', 'evidence', f.evidence)); }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
    box.hidden = false;
  }

  function showDecision(res, channel) {
    var box = $('decision');
    var file = (res.files || [])[0] || { reasons: [] };
    box.textContent = '';
    box.className = 'panel decision ' + (res.allowed ? 'allowed' : 'blocked');
    box.setAttribute('data-allowed', String(!!res.allowed));
    box.appendChild(el('h2', null, t(res.allowed ? 'allowed' : 'blocked', t('ch_' + channel))));
    box.appendChild(el('p', null, t('markingIs') + ': ' + markingText(file.marking)));
    if (file.reasons.length) {
      var ul = el('ul', 'findings');
      file.reasons.forEach(function (r) {
        var li = el('li', 'error');
        li.setAttribute('data-rule', r.rule);
        li.appendChild(el('div', 'message', r.message));
        li.appendChild(el('span', 'rule', r.rule));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    box.hidden = false;
  }

  // ---- start -------------------------------------------------------------------------------------

  function begin(office, language) {
    if (state.decided) { return; }
    state.decided = true;
    state.office = office;
    state.lang = /^zh/i.test(language || '') ? 'zh' : 'en';
    $('officeSource').hidden = !office;
    $('browserSource').hidden = office;
    if (office) { $('officeName').textContent = officeName(); }
    applyTexts();
    forgetOldToken();
    loadPolicy().then(function () { document.body.setAttribute('data-ready', office ? 'office' : 'browser'); });
  }

  function wire() {
    $('check').addEventListener('click', check);
    $('markButton').addEventListener('click', mark);
    $('presendButton').addEventListener('click', presend);
    $('pair').addEventListener('click', pair);
    $('pairingCode').addEventListener('keydown', function (e) { if (e.key === 'Enter') { pair(); } });
    $('file').addEventListener('change', function (e) { takeFile(e.target.files[0]); });
    var drop = $('drop');
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('over');
      takeFile(e.dataTransfer.files[0]);
    });
  }

  function init() {
    wire();
    var browserLanguage = navigator.language || 'zh-CN';
    if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
      begin(false, browserLanguage);
      return;
    }
    // Outside Office, office.js reports no host; if it never answers, the page still works as a browser page.
    setTimeout(function () { begin(false, browserLanguage); }, 3000);
    Office.onReady(function (info) {
      if (info && info.host) {
        begin(true, (Office.context && Office.context.displayLanguage) || browserLanguage);
      } else {
        begin(false, browserLanguage);
      }
    });
  }

  init();
}());
