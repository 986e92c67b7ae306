/*
 * A test double for Office.js: just enough of Office and Word for the task pane. The test prepends
 * `window.__officeDoubleDocument = {url, base64, language}` and reads back `window.__officeDouble`.
 */
(function () {
  'use strict';
  var input = window.__officeDoubleDocument || { url: 'document.docx', base64: '', language: 'zh-CN' };
  var SLICE_LIMIT = 4096;
  var record = { inserted: null, insertedWith: null, properties: {}, slices: 0, sliceSize: 0, closed: false };
  window.__officeDouble = record;

  function bytes() {
    var s = atob(input.base64);
    var b = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { b[i] = s.charCodeAt(i); }
    return b;
  }

  function later(fn) { setTimeout(fn, 0); }

  var ok = 'succeeded';
  window.Office = {
    FileType: { Compressed: 'compressed', Text: 'text', Pdf: 'pdf' },
    AsyncResultStatus: { Succeeded: ok, Failed: 'failed' },
    HostType: { Word: 'Word' },
    context: {
      displayLanguage: input.language,
      document: {
        url: input.url,
        getFileAsync: function (type, options, callback) {
          var all = bytes();
          var size = Math.min((options && options.sliceSize) || 4194304, SLICE_LIMIT);
          record.sliceSize = size;
          var count = Math.max(1, Math.ceil(all.length / size));
          later(function () {
            callback({ status: type === 'compressed' ? ok : 'failed', value: {
              size: all.length,
              sliceCount: count,
              getSliceAsync: function (i, cb) {
                record.slices++;
                // Like Office: an array of numbers, not a typed array.
                var data = Array.prototype.slice.call(all.subarray(i * size, (i + 1) * size));
                later(function () { cb({ status: ok, value: { index: i, size: data.length, data: data } }); });
              },
              closeAsync: function (cb) { record.closed = true; if (cb) { later(function () { cb({ status: ok }); }); } }
            } });
          });
        }
      }
    },
    onReady: function (callback) {
      var info = { host: 'Word', platform: 'PC' };
      return new Promise(function (resolve) {
        later(function () { if (callback) { callback(info); } resolve(info); });
      });
    }
  };

  window.Word = {
    run: function (batch) {
      var ctx = {
        document: {
          insertFileFromBase64: function (b64, location, options) {
            record.inserted = b64;
            record.insertedWith = 'document:' + location + (options ? ':options' : '');
          },
          body: {
            insertFileFromBase64: function (b64, location) {
              record.inserted = b64;
              record.insertedWith = 'body:' + location;
            }
          },
          properties: {
            customProperties: { add: function (k, v) { record.properties[k] = v; } }
          }
        },
        sync: function () { return Promise.resolve(); }
      };
      return Promise.resolve().then(function () { return batch(ctx); });
    }
  };
}());
