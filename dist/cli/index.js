#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3964:
/***/ ((module) => {



module.exports = clone

var getPrototypeOf = Object.getPrototypeOf || function (obj) {
  return obj.__proto__
}

function clone (obj) {
  if (obj === null || typeof obj !== 'object')
    return obj

  if (obj instanceof Object)
    var copy = { __proto__: getPrototypeOf(obj) }
  else
    var copy = Object.create(null)

  Object.getOwnPropertyNames(obj).forEach(function (key) {
    Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj, key))
  })

  return copy
}


/***/ }),

/***/ 5744:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var fs = __nccwpck_require__(9896)
var polyfills = __nccwpck_require__(3501)
var legacy = __nccwpck_require__(2270)
var clone = __nccwpck_require__(3964)

var util = __nccwpck_require__(9023)

/* istanbul ignore next - node 0.x polyfill */
var gracefulQueue
var previousSymbol

/* istanbul ignore else - node 0.x polyfill */
if (typeof Symbol === 'function' && typeof Symbol.for === 'function') {
  gracefulQueue = Symbol.for('graceful-fs.queue')
  // This is used in testing by future versions
  previousSymbol = Symbol.for('graceful-fs.previous')
} else {
  gracefulQueue = '___graceful-fs.queue'
  previousSymbol = '___graceful-fs.previous'
}

function noop () {}

function publishQueue(context, queue) {
  Object.defineProperty(context, gracefulQueue, {
    get: function() {
      return queue
    }
  })
}

var debug = noop
if (util.debuglog)
  debug = util.debuglog('gfs4')
else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ''))
  debug = function() {
    var m = util.format.apply(util, arguments)
    m = 'GFS4: ' + m.split(/\n/).join('\nGFS4: ')
    console.error(m)
  }

// Once time initialization
if (!fs[gracefulQueue]) {
  // This queue can be shared by multiple loaded instances
  var queue = global[gracefulQueue] || []
  publishQueue(fs, queue)

  // Patch fs.close/closeSync to shared queue version, because we need
  // to retry() whenever a close happens *anywhere* in the program.
  // This is essential when multiple graceful-fs instances are
  // in play at the same time.
  fs.close = (function (fs$close) {
    function close (fd, cb) {
      return fs$close.call(fs, fd, function (err) {
        // This function uses the graceful-fs shared queue
        if (!err) {
          resetQueue()
        }

        if (typeof cb === 'function')
          cb.apply(this, arguments)
      })
    }

    Object.defineProperty(close, previousSymbol, {
      value: fs$close
    })
    return close
  })(fs.close)

  fs.closeSync = (function (fs$closeSync) {
    function closeSync (fd) {
      // This function uses the graceful-fs shared queue
      fs$closeSync.apply(fs, arguments)
      resetQueue()
    }

    Object.defineProperty(closeSync, previousSymbol, {
      value: fs$closeSync
    })
    return closeSync
  })(fs.closeSync)

  if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || '')) {
    process.on('exit', function() {
      debug(fs[gracefulQueue])
      __nccwpck_require__(2613).equal(fs[gracefulQueue].length, 0)
    })
  }
}

if (!global[gracefulQueue]) {
  publishQueue(global, fs[gracefulQueue]);
}

module.exports = patch(clone(fs))
if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs.__patched) {
    module.exports = patch(fs)
    fs.__patched = true;
}

function patch (fs) {
  // Everything that references the open() function needs to be in here
  polyfills(fs)
  fs.gracefulify = patch

  fs.createReadStream = createReadStream
  fs.createWriteStream = createWriteStream
  var fs$readFile = fs.readFile
  fs.readFile = readFile
  function readFile (path, options, cb) {
    if (typeof options === 'function')
      cb = options, options = null

    return go$readFile(path, options, cb)

    function go$readFile (path, options, cb, startTime) {
      return fs$readFile(path, options, function (err) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$readFile, [path, options, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  var fs$writeFile = fs.writeFile
  fs.writeFile = writeFile
  function writeFile (path, data, options, cb) {
    if (typeof options === 'function')
      cb = options, options = null

    return go$writeFile(path, data, options, cb)

    function go$writeFile (path, data, options, cb, startTime) {
      return fs$writeFile(path, data, options, function (err) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$writeFile, [path, data, options, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  var fs$appendFile = fs.appendFile
  if (fs$appendFile)
    fs.appendFile = appendFile
  function appendFile (path, data, options, cb) {
    if (typeof options === 'function')
      cb = options, options = null

    return go$appendFile(path, data, options, cb)

    function go$appendFile (path, data, options, cb, startTime) {
      return fs$appendFile(path, data, options, function (err) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$appendFile, [path, data, options, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  var fs$copyFile = fs.copyFile
  if (fs$copyFile)
    fs.copyFile = copyFile
  function copyFile (src, dest, flags, cb) {
    if (typeof flags === 'function') {
      cb = flags
      flags = 0
    }
    return go$copyFile(src, dest, flags, cb)

    function go$copyFile (src, dest, flags, cb, startTime) {
      return fs$copyFile(src, dest, flags, function (err) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$copyFile, [src, dest, flags, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  var fs$readdir = fs.readdir
  fs.readdir = readdir
  var noReaddirOptionVersions = /^v[0-5]\./
  function readdir (path, options, cb) {
    if (typeof options === 'function')
      cb = options, options = null

    var go$readdir = noReaddirOptionVersions.test(process.version)
      ? function go$readdir (path, options, cb, startTime) {
        return fs$readdir(path, fs$readdirCallback(
          path, options, cb, startTime
        ))
      }
      : function go$readdir (path, options, cb, startTime) {
        return fs$readdir(path, options, fs$readdirCallback(
          path, options, cb, startTime
        ))
      }

    return go$readdir(path, options, cb)

    function fs$readdirCallback (path, options, cb, startTime) {
      return function (err, files) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([
            go$readdir,
            [path, options, cb],
            err,
            startTime || Date.now(),
            Date.now()
          ])
        else {
          if (files && files.sort)
            files.sort()

          if (typeof cb === 'function')
            cb.call(this, err, files)
        }
      }
    }
  }

  if (process.version.substr(0, 4) === 'v0.8') {
    var legStreams = legacy(fs)
    ReadStream = legStreams.ReadStream
    WriteStream = legStreams.WriteStream
  }

  var fs$ReadStream = fs.ReadStream
  if (fs$ReadStream) {
    ReadStream.prototype = Object.create(fs$ReadStream.prototype)
    ReadStream.prototype.open = ReadStream$open
  }

  var fs$WriteStream = fs.WriteStream
  if (fs$WriteStream) {
    WriteStream.prototype = Object.create(fs$WriteStream.prototype)
    WriteStream.prototype.open = WriteStream$open
  }

  Object.defineProperty(fs, 'ReadStream', {
    get: function () {
      return ReadStream
    },
    set: function (val) {
      ReadStream = val
    },
    enumerable: true,
    configurable: true
  })
  Object.defineProperty(fs, 'WriteStream', {
    get: function () {
      return WriteStream
    },
    set: function (val) {
      WriteStream = val
    },
    enumerable: true,
    configurable: true
  })

  // legacy names
  var FileReadStream = ReadStream
  Object.defineProperty(fs, 'FileReadStream', {
    get: function () {
      return FileReadStream
    },
    set: function (val) {
      FileReadStream = val
    },
    enumerable: true,
    configurable: true
  })
  var FileWriteStream = WriteStream
  Object.defineProperty(fs, 'FileWriteStream', {
    get: function () {
      return FileWriteStream
    },
    set: function (val) {
      FileWriteStream = val
    },
    enumerable: true,
    configurable: true
  })

  function ReadStream (path, options) {
    if (this instanceof ReadStream)
      return fs$ReadStream.apply(this, arguments), this
    else
      return ReadStream.apply(Object.create(ReadStream.prototype), arguments)
  }

  function ReadStream$open () {
    var that = this
    open(that.path, that.flags, that.mode, function (err, fd) {
      if (err) {
        if (that.autoClose)
          that.destroy()

        that.emit('error', err)
      } else {
        that.fd = fd
        that.emit('open', fd)
        that.read()
      }
    })
  }

  function WriteStream (path, options) {
    if (this instanceof WriteStream)
      return fs$WriteStream.apply(this, arguments), this
    else
      return WriteStream.apply(Object.create(WriteStream.prototype), arguments)
  }

  function WriteStream$open () {
    var that = this
    open(that.path, that.flags, that.mode, function (err, fd) {
      if (err) {
        that.destroy()
        that.emit('error', err)
      } else {
        that.fd = fd
        that.emit('open', fd)
      }
    })
  }

  function createReadStream (path, options) {
    return new fs.ReadStream(path, options)
  }

  function createWriteStream (path, options) {
    return new fs.WriteStream(path, options)
  }

  var fs$open = fs.open
  fs.open = open
  function open (path, flags, mode, cb) {
    if (typeof mode === 'function')
      cb = mode, mode = null

    return go$open(path, flags, mode, cb)

    function go$open (path, flags, mode, cb, startTime) {
      return fs$open(path, flags, mode, function (err, fd) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$open, [path, flags, mode, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  return fs
}

function enqueue (elem) {
  debug('ENQUEUE', elem[0].name, elem[1])
  fs[gracefulQueue].push(elem)
  retry()
}

// keep track of the timeout between retry() calls
var retryTimer

// reset the startTime and lastTime to now
// this resets the start of the 60 second overall timeout as well as the
// delay between attempts so that we'll retry these jobs sooner
function resetQueue () {
  var now = Date.now()
  for (var i = 0; i < fs[gracefulQueue].length; ++i) {
    // entries that are only a length of 2 are from an older version, don't
    // bother modifying those since they'll be retried anyway.
    if (fs[gracefulQueue][i].length > 2) {
      fs[gracefulQueue][i][3] = now // startTime
      fs[gracefulQueue][i][4] = now // lastTime
    }
  }
  // call retry to make sure we're actively processing the queue
  retry()
}

function retry () {
  // clear the timer and remove it to help prevent unintended concurrency
  clearTimeout(retryTimer)
  retryTimer = undefined

  if (fs[gracefulQueue].length === 0)
    return

  var elem = fs[gracefulQueue].shift()
  var fn = elem[0]
  var args = elem[1]
  // these items may be unset if they were added by an older graceful-fs
  var err = elem[2]
  var startTime = elem[3]
  var lastTime = elem[4]

  // if we don't have a startTime we have no way of knowing if we've waited
  // long enough, so go ahead and retry this item now
  if (startTime === undefined) {
    debug('RETRY', fn.name, args)
    fn.apply(null, args)
  } else if (Date.now() - startTime >= 60000) {
    // it's been more than 60 seconds total, bail now
    debug('TIMEOUT', fn.name, args)
    var cb = args.pop()
    if (typeof cb === 'function')
      cb.call(null, err)
  } else {
    // the amount of time between the last attempt and right now
    var sinceAttempt = Date.now() - lastTime
    // the amount of time between when we first tried, and when we last tried
    // rounded up to at least 1
    var sinceStart = Math.max(lastTime - startTime, 1)
    // backoff. wait longer than the total time we've been retrying, but only
    // up to a maximum of 100ms
    var desiredDelay = Math.min(sinceStart * 1.2, 100)
    // it's been long enough since the last retry, do it again
    if (sinceAttempt >= desiredDelay) {
      debug('RETRY', fn.name, args)
      fn.apply(null, args.concat([startTime]))
    } else {
      // if we can't do this job yet, push it to the end of the queue
      // and let the next iteration check again
      fs[gracefulQueue].push(elem)
    }
  }

  // schedule our next run if one isn't already scheduled
  if (retryTimer === undefined) {
    retryTimer = setTimeout(retry, 0)
  }
}


/***/ }),

/***/ 2270:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var Stream = (__nccwpck_require__(2203).Stream)

module.exports = legacy

function legacy (fs) {
  return {
    ReadStream: ReadStream,
    WriteStream: WriteStream
  }

  function ReadStream (path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);

    Stream.call(this);

    var self = this;

    this.path = path;
    this.fd = null;
    this.readable = true;
    this.paused = false;

    this.flags = 'r';
    this.mode = 438; /*=0666*/
    this.bufferSize = 64 * 1024;

    options = options || {};

    // Mixin options into this
    var keys = Object.keys(options);
    for (var index = 0, length = keys.length; index < length; index++) {
      var key = keys[index];
      this[key] = options[key];
    }

    if (this.encoding) this.setEncoding(this.encoding);

    if (this.start !== undefined) {
      if ('number' !== typeof this.start) {
        throw TypeError('start must be a Number');
      }
      if (this.end === undefined) {
        this.end = Infinity;
      } else if ('number' !== typeof this.end) {
        throw TypeError('end must be a Number');
      }

      if (this.start > this.end) {
        throw new Error('start must be <= end');
      }

      this.pos = this.start;
    }

    if (this.fd !== null) {
      process.nextTick(function() {
        self._read();
      });
      return;
    }

    fs.open(this.path, this.flags, this.mode, function (err, fd) {
      if (err) {
        self.emit('error', err);
        self.readable = false;
        return;
      }

      self.fd = fd;
      self.emit('open', fd);
      self._read();
    })
  }

  function WriteStream (path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);

    Stream.call(this);

    this.path = path;
    this.fd = null;
    this.writable = true;

    this.flags = 'w';
    this.encoding = 'binary';
    this.mode = 438; /*=0666*/
    this.bytesWritten = 0;

    options = options || {};

    // Mixin options into this
    var keys = Object.keys(options);
    for (var index = 0, length = keys.length; index < length; index++) {
      var key = keys[index];
      this[key] = options[key];
    }

    if (this.start !== undefined) {
      if ('number' !== typeof this.start) {
        throw TypeError('start must be a Number');
      }
      if (this.start < 0) {
        throw new Error('start must be >= zero');
      }

      this.pos = this.start;
    }

    this.busy = false;
    this._queue = [];

    if (this.fd === null) {
      this._open = fs.open;
      this._queue.push([this._open, this.path, this.flags, this.mode, undefined]);
      this.flush();
    }
  }
}


/***/ }),

/***/ 3501:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var constants = __nccwpck_require__(9140)

var origCwd = process.cwd
var cwd = null

var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform

process.cwd = function() {
  if (!cwd)
    cwd = origCwd.call(process)
  return cwd
}
try {
  process.cwd()
} catch (er) {}

// This check is needed until node.js 12 is required
if (typeof process.chdir === 'function') {
  var chdir = process.chdir
  process.chdir = function (d) {
    cwd = null
    chdir.call(process, d)
  }
  if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir)
}

module.exports = patch

function patch (fs) {
  // (re-)implement some things that are known busted or missing.

  // lchmod, broken prior to 0.6.2
  // back-port the fix here.
  if (constants.hasOwnProperty('O_SYMLINK') &&
      process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
    patchLchmod(fs)
  }

  // lutimes implementation, or no-op
  if (!fs.lutimes) {
    patchLutimes(fs)
  }

  // https://github.com/isaacs/node-graceful-fs/issues/4
  // Chown should not fail on einval or eperm if non-root.
  // It should not fail on enosys ever, as this just indicates
  // that a fs doesn't support the intended operation.

  fs.chown = chownFix(fs.chown)
  fs.fchown = chownFix(fs.fchown)
  fs.lchown = chownFix(fs.lchown)

  fs.chmod = chmodFix(fs.chmod)
  fs.fchmod = chmodFix(fs.fchmod)
  fs.lchmod = chmodFix(fs.lchmod)

  fs.chownSync = chownFixSync(fs.chownSync)
  fs.fchownSync = chownFixSync(fs.fchownSync)
  fs.lchownSync = chownFixSync(fs.lchownSync)

  fs.chmodSync = chmodFixSync(fs.chmodSync)
  fs.fchmodSync = chmodFixSync(fs.fchmodSync)
  fs.lchmodSync = chmodFixSync(fs.lchmodSync)

  fs.stat = statFix(fs.stat)
  fs.fstat = statFix(fs.fstat)
  fs.lstat = statFix(fs.lstat)

  fs.statSync = statFixSync(fs.statSync)
  fs.fstatSync = statFixSync(fs.fstatSync)
  fs.lstatSync = statFixSync(fs.lstatSync)

  // if lchmod/lchown do not exist, then make them no-ops
  if (fs.chmod && !fs.lchmod) {
    fs.lchmod = function (path, mode, cb) {
      if (cb) process.nextTick(cb)
    }
    fs.lchmodSync = function () {}
  }
  if (fs.chown && !fs.lchown) {
    fs.lchown = function (path, uid, gid, cb) {
      if (cb) process.nextTick(cb)
    }
    fs.lchownSync = function () {}
  }

  // on Windows, A/V software can lock the directory, causing this
  // to fail with an EACCES or EPERM if the directory contains newly
  // created files.  Try again on failure, for up to 60 seconds.

  // Set the timeout this long because some Windows Anti-Virus, such as Parity
  // bit9, may lock files for up to a minute, causing npm package install
  // failures. Also, take care to yield the scheduler. Windows scheduling gives
  // CPU to a busy looping process, which can cause the program causing the lock
  // contention to be starved of CPU by node, so the contention doesn't resolve.
  if (platform === "win32") {
    fs.rename = typeof fs.rename !== 'function' ? fs.rename
    : (function (fs$rename) {
      function rename (from, to, cb) {
        var start = Date.now()
        var backoff = 0;
        fs$rename(from, to, function CB (er) {
          if (er
              && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY")
              && Date.now() - start < 60000) {
            setTimeout(function() {
              fs.stat(to, function (stater, st) {
                if (stater && stater.code === "ENOENT")
                  fs$rename(from, to, CB);
                else
                  cb(er)
              })
            }, backoff)
            if (backoff < 100)
              backoff += 10;
            return;
          }
          if (cb) cb(er)
        })
      }
      if (Object.setPrototypeOf) Object.setPrototypeOf(rename, fs$rename)
      return rename
    })(fs.rename)
  }

  // if read() returns EAGAIN, then just try it again.
  fs.read = typeof fs.read !== 'function' ? fs.read
  : (function (fs$read) {
    function read (fd, buffer, offset, length, position, callback_) {
      var callback
      if (callback_ && typeof callback_ === 'function') {
        var eagCounter = 0
        callback = function (er, _, __) {
          if (er && er.code === 'EAGAIN' && eagCounter < 10) {
            eagCounter ++
            return fs$read.call(fs, fd, buffer, offset, length, position, callback)
          }
          callback_.apply(this, arguments)
        }
      }
      return fs$read.call(fs, fd, buffer, offset, length, position, callback)
    }

    // This ensures `util.promisify` works as it does for native `fs.read`.
    if (Object.setPrototypeOf) Object.setPrototypeOf(read, fs$read)
    return read
  })(fs.read)

  fs.readSync = typeof fs.readSync !== 'function' ? fs.readSync
  : (function (fs$readSync) { return function (fd, buffer, offset, length, position) {
    var eagCounter = 0
    while (true) {
      try {
        return fs$readSync.call(fs, fd, buffer, offset, length, position)
      } catch (er) {
        if (er.code === 'EAGAIN' && eagCounter < 10) {
          eagCounter ++
          continue
        }
        throw er
      }
    }
  }})(fs.readSync)

  function patchLchmod (fs) {
    fs.lchmod = function (path, mode, callback) {
      fs.open( path
             , constants.O_WRONLY | constants.O_SYMLINK
             , mode
             , function (err, fd) {
        if (err) {
          if (callback) callback(err)
          return
        }
        // prefer to return the chmod error, if one occurs,
        // but still try to close, and report closing errors if they occur.
        fs.fchmod(fd, mode, function (err) {
          fs.close(fd, function(err2) {
            if (callback) callback(err || err2)
          })
        })
      })
    }

    fs.lchmodSync = function (path, mode) {
      var fd = fs.openSync(path, constants.O_WRONLY | constants.O_SYMLINK, mode)

      // prefer to return the chmod error, if one occurs,
      // but still try to close, and report closing errors if they occur.
      var threw = true
      var ret
      try {
        ret = fs.fchmodSync(fd, mode)
        threw = false
      } finally {
        if (threw) {
          try {
            fs.closeSync(fd)
          } catch (er) {}
        } else {
          fs.closeSync(fd)
        }
      }
      return ret
    }
  }

  function patchLutimes (fs) {
    if (constants.hasOwnProperty("O_SYMLINK") && fs.futimes) {
      fs.lutimes = function (path, at, mt, cb) {
        fs.open(path, constants.O_SYMLINK, function (er, fd) {
          if (er) {
            if (cb) cb(er)
            return
          }
          fs.futimes(fd, at, mt, function (er) {
            fs.close(fd, function (er2) {
              if (cb) cb(er || er2)
            })
          })
        })
      }

      fs.lutimesSync = function (path, at, mt) {
        var fd = fs.openSync(path, constants.O_SYMLINK)
        var ret
        var threw = true
        try {
          ret = fs.futimesSync(fd, at, mt)
          threw = false
        } finally {
          if (threw) {
            try {
              fs.closeSync(fd)
            } catch (er) {}
          } else {
            fs.closeSync(fd)
          }
        }
        return ret
      }

    } else if (fs.futimes) {
      fs.lutimes = function (_a, _b, _c, cb) { if (cb) process.nextTick(cb) }
      fs.lutimesSync = function () {}
    }
  }

  function chmodFix (orig) {
    if (!orig) return orig
    return function (target, mode, cb) {
      return orig.call(fs, target, mode, function (er) {
        if (chownErOk(er)) er = null
        if (cb) cb.apply(this, arguments)
      })
    }
  }

  function chmodFixSync (orig) {
    if (!orig) return orig
    return function (target, mode) {
      try {
        return orig.call(fs, target, mode)
      } catch (er) {
        if (!chownErOk(er)) throw er
      }
    }
  }


  function chownFix (orig) {
    if (!orig) return orig
    return function (target, uid, gid, cb) {
      return orig.call(fs, target, uid, gid, function (er) {
        if (chownErOk(er)) er = null
        if (cb) cb.apply(this, arguments)
      })
    }
  }

  function chownFixSync (orig) {
    if (!orig) return orig
    return function (target, uid, gid) {
      try {
        return orig.call(fs, target, uid, gid)
      } catch (er) {
        if (!chownErOk(er)) throw er
      }
    }
  }

  function statFix (orig) {
    if (!orig) return orig
    // Older versions of Node erroneously returned signed integers for
    // uid + gid.
    return function (target, options, cb) {
      if (typeof options === 'function') {
        cb = options
        options = null
      }
      function callback (er, stats) {
        if (stats) {
          if (stats.uid < 0) stats.uid += 0x100000000
          if (stats.gid < 0) stats.gid += 0x100000000
        }
        if (cb) cb.apply(this, arguments)
      }
      return options ? orig.call(fs, target, options, callback)
        : orig.call(fs, target, callback)
    }
  }

  function statFixSync (orig) {
    if (!orig) return orig
    // Older versions of Node erroneously returned signed integers for
    // uid + gid.
    return function (target, options) {
      var stats = options ? orig.call(fs, target, options)
        : orig.call(fs, target)
      if (stats) {
        if (stats.uid < 0) stats.uid += 0x100000000
        if (stats.gid < 0) stats.gid += 0x100000000
      }
      return stats;
    }
  }

  // ENOSYS means that the fs doesn't support the op. Just ignore
  // that, because it doesn't matter.
  //
  // if there's no getuid, or if getuid() is something other
  // than 0, and the error is EINVAL or EPERM, then just ignore
  // it.
  //
  // This specific case is a silent failure in cp, install, tar,
  // and most other unix tools that manage permissions.
  //
  // When running as root, or if other types of errors are
  // encountered, then it's strict.
  function chownErOk (er) {
    if (!er)
      return true

    if (er.code === "ENOSYS")
      return true

    var nonroot = !process.getuid || process.getuid() !== 0
    if (nonroot) {
      if (er.code === "EINVAL" || er.code === "EPERM")
        return true
    }

    return false
  }
}


/***/ }),

/***/ 3648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const lockfile = __nccwpck_require__(743);
const { toPromise, toSync, toSyncOptions } = __nccwpck_require__(3271);

async function lock(file, options) {
    const release = await toPromise(lockfile.lock)(file, options);

    return toPromise(release);
}

function lockSync(file, options) {
    const release = toSync(lockfile.lock)(file, toSyncOptions(options));

    return toSync(release);
}

function unlock(file, options) {
    return toPromise(lockfile.unlock)(file, options);
}

function unlockSync(file, options) {
    return toSync(lockfile.unlock)(file, toSyncOptions(options));
}

function check(file, options) {
    return toPromise(lockfile.check)(file, options);
}

function checkSync(file, options) {
    return toSync(lockfile.check)(file, toSyncOptions(options));
}

module.exports = lock;
module.exports.lock = lock;
module.exports.unlock = unlock;
module.exports.lockSync = lockSync;
module.exports.unlockSync = unlockSync;
module.exports.check = check;
module.exports.checkSync = checkSync;


/***/ }),

/***/ 3271:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const fs = __nccwpck_require__(5744);

function createSyncFs(fs) {
    const methods = ['mkdir', 'realpath', 'stat', 'rmdir', 'utimes'];
    const newFs = { ...fs };

    methods.forEach((method) => {
        newFs[method] = (...args) => {
            const callback = args.pop();
            let ret;

            try {
                ret = fs[`${method}Sync`](...args);
            } catch (err) {
                return callback(err);
            }

            callback(null, ret);
        };
    });

    return newFs;
}

// ----------------------------------------------------------

function toPromise(method) {
    return (...args) => new Promise((resolve, reject) => {
        args.push((err, result) => {
            if (err) {
                reject(err);
            } else {
                resolve(result);
            }
        });

        method(...args);
    });
}

function toSync(method) {
    return (...args) => {
        let err;
        let result;

        args.push((_err, _result) => {
            err = _err;
            result = _result;
        });

        method(...args);

        if (err) {
            throw err;
        }

        return result;
    };
}

function toSyncOptions(options) {
    // Shallow clone options because we are oging to mutate them
    options = { ...options };

    // Transform fs to use the sync methods instead
    options.fs = createSyncFs(options.fs || fs);

    // Retries are not allowed because it requires the flow to be sync
    if (
        (typeof options.retries === 'number' && options.retries > 0) ||
        (options.retries && typeof options.retries.retries === 'number' && options.retries.retries > 0)
    ) {
        throw Object.assign(new Error('Cannot use retries with the sync api'), { code: 'ESYNC' });
    }

    return options;
}

module.exports = {
    toPromise,
    toSync,
    toSyncOptions,
};


/***/ }),

/***/ 743:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const path = __nccwpck_require__(6928);
const fs = __nccwpck_require__(5744);
const retry = __nccwpck_require__(5546);
const onExit = __nccwpck_require__(6627);
const mtimePrecision = __nccwpck_require__(4747);

const locks = {};

function getLockFile(file, options) {
    return options.lockfilePath || `${file}.lock`;
}

function resolveCanonicalPath(file, options, callback) {
    if (!options.realpath) {
        return callback(null, path.resolve(file));
    }

    // Use realpath to resolve symlinks
    // It also resolves relative paths
    options.fs.realpath(file, callback);
}

function acquireLock(file, options, callback) {
    const lockfilePath = getLockFile(file, options);

    // Use mkdir to create the lockfile (atomic operation)
    options.fs.mkdir(lockfilePath, (err) => {
        if (!err) {
            // At this point, we acquired the lock!
            // Probe the mtime precision
            return mtimePrecision.probe(lockfilePath, options.fs, (err, mtime, mtimePrecision) => {
                // If it failed, try to remove the lock..
                /* istanbul ignore if */
                if (err) {
                    options.fs.rmdir(lockfilePath, () => {});

                    return callback(err);
                }

                callback(null, mtime, mtimePrecision);
            });
        }

        // If error is not EEXIST then some other error occurred while locking
        if (err.code !== 'EEXIST') {
            return callback(err);
        }

        // Otherwise, check if lock is stale by analyzing the file mtime
        if (options.stale <= 0) {
            return callback(Object.assign(new Error('Lock file is already being held'), { code: 'ELOCKED', file }));
        }

        options.fs.stat(lockfilePath, (err, stat) => {
            if (err) {
                // Retry if the lockfile has been removed (meanwhile)
                // Skip stale check to avoid recursiveness
                if (err.code === 'ENOENT') {
                    return acquireLock(file, { ...options, stale: 0 }, callback);
                }

                return callback(err);
            }

            if (!isLockStale(stat, options)) {
                return callback(Object.assign(new Error('Lock file is already being held'), { code: 'ELOCKED', file }));
            }

            // If it's stale, remove it and try again!
            // Skip stale check to avoid recursiveness
            removeLock(file, options, (err) => {
                if (err) {
                    return callback(err);
                }

                acquireLock(file, { ...options, stale: 0 }, callback);
            });
        });
    });
}

function isLockStale(stat, options) {
    return stat.mtime.getTime() < Date.now() - options.stale;
}

function removeLock(file, options, callback) {
    // Remove lockfile, ignoring ENOENT errors
    options.fs.rmdir(getLockFile(file, options), (err) => {
        if (err && err.code !== 'ENOENT') {
            return callback(err);
        }

        callback();
    });
}

function updateLock(file, options) {
    const lock = locks[file];

    // Just for safety, should never happen
    /* istanbul ignore if */
    if (lock.updateTimeout) {
        return;
    }

    lock.updateDelay = lock.updateDelay || options.update;
    lock.updateTimeout = setTimeout(() => {
        lock.updateTimeout = null;

        // Stat the file to check if mtime is still ours
        // If it is, we can still recover from a system sleep or a busy event loop
        options.fs.stat(lock.lockfilePath, (err, stat) => {
            const isOverThreshold = lock.lastUpdate + options.stale < Date.now();

            // If it failed to update the lockfile, keep trying unless
            // the lockfile was deleted or we are over the threshold
            if (err) {
                if (err.code === 'ENOENT' || isOverThreshold) {
                    return setLockAsCompromised(file, lock, Object.assign(err, { code: 'ECOMPROMISED' }));
                }

                lock.updateDelay = 1000;

                return updateLock(file, options);
            }

            const isMtimeOurs = lock.mtime.getTime() === stat.mtime.getTime();

            if (!isMtimeOurs) {
                return setLockAsCompromised(
                    file,
                    lock,
                    Object.assign(
                        new Error('Unable to update lock within the stale threshold'),
                        { code: 'ECOMPROMISED' }
                    ));
            }

            const mtime = mtimePrecision.getMtime(lock.mtimePrecision);

            options.fs.utimes(lock.lockfilePath, mtime, mtime, (err) => {
                const isOverThreshold = lock.lastUpdate + options.stale < Date.now();

                // Ignore if the lock was released
                if (lock.released) {
                    return;
                }

                // If it failed to update the lockfile, keep trying unless
                // the lockfile was deleted or we are over the threshold
                if (err) {
                    if (err.code === 'ENOENT' || isOverThreshold) {
                        return setLockAsCompromised(file, lock, Object.assign(err, { code: 'ECOMPROMISED' }));
                    }

                    lock.updateDelay = 1000;

                    return updateLock(file, options);
                }

                // All ok, keep updating..
                lock.mtime = mtime;
                lock.lastUpdate = Date.now();
                lock.updateDelay = null;
                updateLock(file, options);
            });
        });
    }, lock.updateDelay);

    // Unref the timer so that the nodejs process can exit freely
    // This is safe because all acquired locks will be automatically released
    // on process exit

    // We first check that `lock.updateTimeout.unref` exists because some users
    // may be using this module outside of NodeJS (e.g., in an electron app),
    // and in those cases `setTimeout` return an integer.
    /* istanbul ignore else */
    if (lock.updateTimeout.unref) {
        lock.updateTimeout.unref();
    }
}

function setLockAsCompromised(file, lock, err) {
    // Signal the lock has been released
    lock.released = true;

    // Cancel lock mtime update
    // Just for safety, at this point updateTimeout should be null
    /* istanbul ignore if */
    if (lock.updateTimeout) {
        clearTimeout(lock.updateTimeout);
    }

    if (locks[file] === lock) {
        delete locks[file];
    }

    lock.options.onCompromised(err);
}

// ----------------------------------------------------------

function lock(file, options, callback) {
    /* istanbul ignore next */
    options = {
        stale: 10000,
        update: null,
        realpath: true,
        retries: 0,
        fs,
        onCompromised: (err) => { throw err; },
        ...options,
    };

    options.retries = options.retries || 0;
    options.retries = typeof options.retries === 'number' ? { retries: options.retries } : options.retries;
    options.stale = Math.max(options.stale || 0, 2000);
    options.update = options.update == null ? options.stale / 2 : options.update || 0;
    options.update = Math.max(Math.min(options.update, options.stale / 2), 1000);

    // Resolve to a canonical file path
    resolveCanonicalPath(file, options, (err, file) => {
        if (err) {
            return callback(err);
        }

        // Attempt to acquire the lock
        const operation = retry.operation(options.retries);

        operation.attempt(() => {
            acquireLock(file, options, (err, mtime, mtimePrecision) => {
                if (operation.retry(err)) {
                    return;
                }

                if (err) {
                    return callback(operation.mainError());
                }

                // We now own the lock
                const lock = locks[file] = {
                    lockfilePath: getLockFile(file, options),
                    mtime,
                    mtimePrecision,
                    options,
                    lastUpdate: Date.now(),
                };

                // We must keep the lock fresh to avoid staleness
                updateLock(file, options);

                callback(null, (releasedCallback) => {
                    if (lock.released) {
                        return releasedCallback &&
                            releasedCallback(Object.assign(new Error('Lock is already released'), { code: 'ERELEASED' }));
                    }

                    // Not necessary to use realpath twice when unlocking
                    unlock(file, { ...options, realpath: false }, releasedCallback);
                });
            });
        });
    });
}

function unlock(file, options, callback) {
    options = {
        fs,
        realpath: true,
        ...options,
    };

    // Resolve to a canonical file path
    resolveCanonicalPath(file, options, (err, file) => {
        if (err) {
            return callback(err);
        }

        // Skip if the lock is not acquired
        const lock = locks[file];

        if (!lock) {
            return callback(Object.assign(new Error('Lock is not acquired/owned by you'), { code: 'ENOTACQUIRED' }));
        }

        lock.updateTimeout && clearTimeout(lock.updateTimeout); // Cancel lock mtime update
        lock.released = true; // Signal the lock has been released
        delete locks[file]; // Delete from locks

        removeLock(file, options, callback);
    });
}

function check(file, options, callback) {
    options = {
        stale: 10000,
        realpath: true,
        fs,
        ...options,
    };

    options.stale = Math.max(options.stale || 0, 2000);

    // Resolve to a canonical file path
    resolveCanonicalPath(file, options, (err, file) => {
        if (err) {
            return callback(err);
        }

        // Check if lockfile exists
        options.fs.stat(getLockFile(file, options), (err, stat) => {
            if (err) {
                // If does not exist, file is not locked. Otherwise, callback with error
                return err.code === 'ENOENT' ? callback(null, false) : callback(err);
            }

            // Otherwise, check if lock is stale by analyzing the file mtime
            return callback(null, !isLockStale(stat, options));
        });
    });
}

function getLocks() {
    return locks;
}

// Remove acquired locks on exit
/* istanbul ignore next */
onExit(() => {
    for (const file in locks) {
        const options = locks[file].options;

        try { options.fs.rmdirSync(getLockFile(file, options)); } catch (e) { /* Empty */ }
    }
});

module.exports.lock = lock;
module.exports.unlock = unlock;
module.exports.check = check;
module.exports.getLocks = getLocks;


/***/ }),

/***/ 4747:
/***/ ((module) => {



const cacheSymbol = Symbol();

function probe(file, fs, callback) {
    const cachedPrecision = fs[cacheSymbol];

    if (cachedPrecision) {
        return fs.stat(file, (err, stat) => {
            /* istanbul ignore if */
            if (err) {
                return callback(err);
            }

            callback(null, stat.mtime, cachedPrecision);
        });
    }

    // Set mtime by ceiling Date.now() to seconds + 5ms so that it's "not on the second"
    const mtime = new Date((Math.ceil(Date.now() / 1000) * 1000) + 5);

    fs.utimes(file, mtime, mtime, (err) => {
        /* istanbul ignore if */
        if (err) {
            return callback(err);
        }

        fs.stat(file, (err, stat) => {
            /* istanbul ignore if */
            if (err) {
                return callback(err);
            }

            const precision = stat.mtime.getTime() % 1000 === 0 ? 's' : 'ms';

            // Cache the precision in a non-enumerable way
            Object.defineProperty(fs, cacheSymbol, { value: precision });

            callback(null, stat.mtime, precision);
        });
    });
}

function getMtime(precision) {
    let now = Date.now();

    if (precision === 's') {
        now = Math.ceil(now / 1000) * 1000;
    }

    return new Date(now);
}

module.exports.probe = probe;
module.exports.getMtime = getMtime;


/***/ }),

/***/ 5546:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(7084);

/***/ }),

/***/ 7084:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var RetryOperation = __nccwpck_require__(9538);

exports.operation = function(options) {
  var timeouts = exports.timeouts(options);
  return new RetryOperation(timeouts, {
      forever: options && options.forever,
      unref: options && options.unref,
      maxRetryTime: options && options.maxRetryTime
  });
};

exports.timeouts = function(options) {
  if (options instanceof Array) {
    return [].concat(options);
  }

  var opts = {
    retries: 10,
    factor: 2,
    minTimeout: 1 * 1000,
    maxTimeout: Infinity,
    randomize: false
  };
  for (var key in options) {
    opts[key] = options[key];
  }

  if (opts.minTimeout > opts.maxTimeout) {
    throw new Error('minTimeout is greater than maxTimeout');
  }

  var timeouts = [];
  for (var i = 0; i < opts.retries; i++) {
    timeouts.push(this.createTimeout(i, opts));
  }

  if (options && options.forever && !timeouts.length) {
    timeouts.push(this.createTimeout(i, opts));
  }

  // sort the array numerically ascending
  timeouts.sort(function(a,b) {
    return a - b;
  });

  return timeouts;
};

exports.createTimeout = function(attempt, opts) {
  var random = (opts.randomize)
    ? (Math.random() + 1)
    : 1;

  var timeout = Math.round(random * opts.minTimeout * Math.pow(opts.factor, attempt));
  timeout = Math.min(timeout, opts.maxTimeout);

  return timeout;
};

exports.wrap = function(obj, options, methods) {
  if (options instanceof Array) {
    methods = options;
    options = null;
  }

  if (!methods) {
    methods = [];
    for (var key in obj) {
      if (typeof obj[key] === 'function') {
        methods.push(key);
      }
    }
  }

  for (var i = 0; i < methods.length; i++) {
    var method   = methods[i];
    var original = obj[method];

    obj[method] = function retryWrapper(original) {
      var op       = exports.operation(options);
      var args     = Array.prototype.slice.call(arguments, 1);
      var callback = args.pop();

      args.push(function(err) {
        if (op.retry(err)) {
          return;
        }
        if (err) {
          arguments[0] = op.mainError();
        }
        callback.apply(this, arguments);
      });

      op.attempt(function() {
        original.apply(obj, args);
      });
    }.bind(obj, original);
    obj[method].options = options;
  }
};


/***/ }),

/***/ 9538:
/***/ ((module) => {

function RetryOperation(timeouts, options) {
  // Compatibility for the old (timeouts, retryForever) signature
  if (typeof options === 'boolean') {
    options = { forever: options };
  }

  this._originalTimeouts = JSON.parse(JSON.stringify(timeouts));
  this._timeouts = timeouts;
  this._options = options || {};
  this._maxRetryTime = options && options.maxRetryTime || Infinity;
  this._fn = null;
  this._errors = [];
  this._attempts = 1;
  this._operationTimeout = null;
  this._operationTimeoutCb = null;
  this._timeout = null;
  this._operationStart = null;

  if (this._options.forever) {
    this._cachedTimeouts = this._timeouts.slice(0);
  }
}
module.exports = RetryOperation;

RetryOperation.prototype.reset = function() {
  this._attempts = 1;
  this._timeouts = this._originalTimeouts;
}

RetryOperation.prototype.stop = function() {
  if (this._timeout) {
    clearTimeout(this._timeout);
  }

  this._timeouts       = [];
  this._cachedTimeouts = null;
};

RetryOperation.prototype.retry = function(err) {
  if (this._timeout) {
    clearTimeout(this._timeout);
  }

  if (!err) {
    return false;
  }
  var currentTime = new Date().getTime();
  if (err && currentTime - this._operationStart >= this._maxRetryTime) {
    this._errors.unshift(new Error('RetryOperation timeout occurred'));
    return false;
  }

  this._errors.push(err);

  var timeout = this._timeouts.shift();
  if (timeout === undefined) {
    if (this._cachedTimeouts) {
      // retry forever, only keep last error
      this._errors.splice(this._errors.length - 1, this._errors.length);
      this._timeouts = this._cachedTimeouts.slice(0);
      timeout = this._timeouts.shift();
    } else {
      return false;
    }
  }

  var self = this;
  var timer = setTimeout(function() {
    self._attempts++;

    if (self._operationTimeoutCb) {
      self._timeout = setTimeout(function() {
        self._operationTimeoutCb(self._attempts);
      }, self._operationTimeout);

      if (self._options.unref) {
          self._timeout.unref();
      }
    }

    self._fn(self._attempts);
  }, timeout);

  if (this._options.unref) {
      timer.unref();
  }

  return true;
};

RetryOperation.prototype.attempt = function(fn, timeoutOps) {
  this._fn = fn;

  if (timeoutOps) {
    if (timeoutOps.timeout) {
      this._operationTimeout = timeoutOps.timeout;
    }
    if (timeoutOps.cb) {
      this._operationTimeoutCb = timeoutOps.cb;
    }
  }

  var self = this;
  if (this._operationTimeoutCb) {
    this._timeout = setTimeout(function() {
      self._operationTimeoutCb();
    }, self._operationTimeout);
  }

  this._operationStart = new Date().getTime();

  this._fn(this._attempts);
};

RetryOperation.prototype.try = function(fn) {
  console.log('Using RetryOperation.try() is deprecated');
  this.attempt(fn);
};

RetryOperation.prototype.start = function(fn) {
  console.log('Using RetryOperation.start() is deprecated');
  this.attempt(fn);
};

RetryOperation.prototype.start = RetryOperation.prototype.try;

RetryOperation.prototype.errors = function() {
  return this._errors;
};

RetryOperation.prototype.attempts = function() {
  return this._attempts;
};

RetryOperation.prototype.mainError = function() {
  if (this._errors.length === 0) {
    return null;
  }

  var counts = {};
  var mainError = null;
  var mainErrorCount = 0;

  for (var i = 0; i < this._errors.length; i++) {
    var error = this._errors[i];
    var message = error.message;
    var count = (counts[message] || 0) + 1;

    counts[message] = count;

    if (count >= mainErrorCount) {
      mainError = error;
      mainErrorCount = count;
    }
  }

  return mainError;
};


/***/ }),

/***/ 6627:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// Note: since nyc uses this module to output coverage, any lines
// that are in the direct sync flow of nyc's outputCoverage are
// ignored, since we can never get coverage for them.
// grab a reference to node's real process object right away
var process = global.process

const processOk = function (process) {
  return process &&
    typeof process === 'object' &&
    typeof process.removeListener === 'function' &&
    typeof process.emit === 'function' &&
    typeof process.reallyExit === 'function' &&
    typeof process.listeners === 'function' &&
    typeof process.kill === 'function' &&
    typeof process.pid === 'number' &&
    typeof process.on === 'function'
}

// some kind of non-node environment, just no-op
/* istanbul ignore if */
if (!processOk(process)) {
  module.exports = function () {
    return function () {}
  }
} else {
  var assert = __nccwpck_require__(2613)
  var signals = __nccwpck_require__(1430)
  var isWin = /^win/i.test(process.platform)

  var EE = __nccwpck_require__(4434)
  /* istanbul ignore if */
  if (typeof EE !== 'function') {
    EE = EE.EventEmitter
  }

  var emitter
  if (process.__signal_exit_emitter__) {
    emitter = process.__signal_exit_emitter__
  } else {
    emitter = process.__signal_exit_emitter__ = new EE()
    emitter.count = 0
    emitter.emitted = {}
  }

  // Because this emitter is a global, we have to check to see if a
  // previous version of this library failed to enable infinite listeners.
  // I know what you're about to say.  But literally everything about
  // signal-exit is a compromise with evil.  Get used to it.
  if (!emitter.infinite) {
    emitter.setMaxListeners(Infinity)
    emitter.infinite = true
  }

  module.exports = function (cb, opts) {
    /* istanbul ignore if */
    if (!processOk(global.process)) {
      return function () {}
    }
    assert.equal(typeof cb, 'function', 'a callback must be provided for exit handler')

    if (loaded === false) {
      load()
    }

    var ev = 'exit'
    if (opts && opts.alwaysLast) {
      ev = 'afterexit'
    }

    var remove = function () {
      emitter.removeListener(ev, cb)
      if (emitter.listeners('exit').length === 0 &&
          emitter.listeners('afterexit').length === 0) {
        unload()
      }
    }
    emitter.on(ev, cb)

    return remove
  }

  var unload = function unload () {
    if (!loaded || !processOk(global.process)) {
      return
    }
    loaded = false

    signals.forEach(function (sig) {
      try {
        process.removeListener(sig, sigListeners[sig])
      } catch (er) {}
    })
    process.emit = originalProcessEmit
    process.reallyExit = originalProcessReallyExit
    emitter.count -= 1
  }
  module.exports.unload = unload

  var emit = function emit (event, code, signal) {
    /* istanbul ignore if */
    if (emitter.emitted[event]) {
      return
    }
    emitter.emitted[event] = true
    emitter.emit(event, code, signal)
  }

  // { <signal>: <listener fn>, ... }
  var sigListeners = {}
  signals.forEach(function (sig) {
    sigListeners[sig] = function listener () {
      /* istanbul ignore if */
      if (!processOk(global.process)) {
        return
      }
      // If there are no other listeners, an exit is coming!
      // Simplest way: remove us and then re-send the signal.
      // We know that this will kill the process, so we can
      // safely emit now.
      var listeners = process.listeners(sig)
      if (listeners.length === emitter.count) {
        unload()
        emit('exit', null, sig)
        /* istanbul ignore next */
        emit('afterexit', null, sig)
        /* istanbul ignore next */
        if (isWin && sig === 'SIGHUP') {
          // "SIGHUP" throws an `ENOSYS` error on Windows,
          // so use a supported signal instead
          sig = 'SIGINT'
        }
        /* istanbul ignore next */
        process.kill(process.pid, sig)
      }
    }
  })

  module.exports.signals = function () {
    return signals
  }

  var loaded = false

  var load = function load () {
    if (loaded || !processOk(global.process)) {
      return
    }
    loaded = true

    // This is the number of onSignalExit's that are in play.
    // It's important so that we can count the correct number of
    // listeners on signals, and don't wait for the other one to
    // handle it instead of us.
    emitter.count += 1

    signals = signals.filter(function (sig) {
      try {
        process.on(sig, sigListeners[sig])
        return true
      } catch (er) {
        return false
      }
    })

    process.emit = processEmit
    process.reallyExit = processReallyExit
  }
  module.exports.load = load

  var originalProcessReallyExit = process.reallyExit
  var processReallyExit = function processReallyExit (code) {
    /* istanbul ignore if */
    if (!processOk(global.process)) {
      return
    }
    process.exitCode = code || /* istanbul ignore next */ 0
    emit('exit', process.exitCode, null)
    /* istanbul ignore next */
    emit('afterexit', process.exitCode, null)
    /* istanbul ignore next */
    originalProcessReallyExit.call(process, process.exitCode)
  }

  var originalProcessEmit = process.emit
  var processEmit = function processEmit (ev, arg) {
    if (ev === 'exit' && processOk(global.process)) {
      /* istanbul ignore else */
      if (arg !== undefined) {
        process.exitCode = arg
      }
      var ret = originalProcessEmit.apply(this, arguments)
      /* istanbul ignore next */
      emit('exit', process.exitCode, null)
      /* istanbul ignore next */
      emit('afterexit', process.exitCode, null)
      /* istanbul ignore next */
      return ret
    } else {
      return originalProcessEmit.apply(this, arguments)
    }
  }
}


/***/ }),

/***/ 1430:
/***/ ((module) => {

// This is not the set of all possible signals.
//
// It IS, however, the set of all signals that trigger
// an exit on either Linux or BSD systems.  Linux is a
// superset of the signal names supported on BSD, and
// the unknown signals just fail to register, so we can
// catch that easily enough.
//
// Don't bother with SIGKILL.  It's uncatchable, which
// means that we can't fire any callbacks anyway.
//
// If a user does happen to register a handler on a non-
// fatal signal like SIGWINCH or something, and then
// exit, it'll end up firing `process.emit('exit')`, so
// the handler will be fired anyway.
//
// SIGBUS, SIGFPE, SIGSEGV and SIGILL, when not raised
// artificially, inherently leave the process in a
// state from which it is not safe to try and enter JS
// listeners.
module.exports = [
  'SIGABRT',
  'SIGALRM',
  'SIGHUP',
  'SIGINT',
  'SIGTERM'
]

if (process.platform !== 'win32') {
  module.exports.push(
    'SIGVTALRM',
    'SIGXCPU',
    'SIGXFSZ',
    'SIGUSR2',
    'SIGTRAP',
    'SIGSYS',
    'SIGQUIT',
    'SIGIOT'
    // should detect profiler and enable/disable accordingly.
    // see #21
    // 'SIGPROF'
  )
}

if (process.platform === 'linux') {
  module.exports.push(
    'SIGIO',
    'SIGPOLL',
    'SIGPWR',
    'SIGSTKFLT',
    'SIGUNUSED'
  )
}


/***/ }),

/***/ 9776:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: usage

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/action/errors.ts
const HEADLINES = {
    configuration: 'Configuration error',
    infrastructure: 'Infrastructure error',
    test: 'Test failure',
    internal: 'Internal error',
};
class ActionFailure extends Error {
    get headline() {
        return `${HEADLINES[this.kind]}: ${this.message}`;
    }
}
/** Bad or missing input: the workflow must change. */
class ConfigurationError extends ActionFailure {
    kind = 'configuration';
    name = 'ConfigurationError';
}
/** The runner cannot do the job: a tool is missing, a download failed, /dev/kvm is absent. */
class InfrastructureError extends ActionFailure {
    kind = 'infrastructure';
    name = 'InfrastructureError';
}
/** The thing under test is broken: a guest panicked, a check failed, an expected file is missing. */
class TestFailure extends ActionFailure {
    kind = 'test';
    name = 'TestFailure';
}
/** One log line for any thrown value; errors that are not ActionFailures are our own bugs. */
function failureHeadline(error) {
    if (error instanceof ActionFailure)
        return error.headline;
    const message = error instanceof Error ? error.message : String(error);
    return `${HEADLINES.internal}: ${message}`;
}
function failureKind(error) {
    return error instanceof ActionFailure ? error.kind : 'internal';
}

;// CONCATENATED MODULE: ./src/report/annotations.ts
const ANNOTATIONS_PER_KIND = 10;
class Annotator {
    host;
    limit;
    shown = { error: 0, warning: 0, notice: 0 };
    held = { error: 0, warning: 0, notice: 0 };
    constructor(host, limit = ANNOTATIONS_PER_KIND) {
        this.host = host;
        this.limit = limit;
    }
    annotate(kind, message, properties) {
        if (this.shown[kind] < this.limit) {
            this.shown[kind]++;
            this.host.annotate(kind, message, properties);
        }
        else {
            this.held[kind]++;
            // Still in the log, just not as an annotation.
            this.host.info(`[${kind}, not annotated] ${message}`);
        }
    }
    /** "3 errors and 1 warning not annotated (GitHub shows 10 of each kind per step)", or undefined. */
    droppedNote() {
        const parts = Object.keys(this.held)
            .filter((kind) => this.held[kind] > 0)
            .map((kind) => `${this.held[kind]} ${kind}${this.held[kind] === 1 ? '' : 's'}`);
        if (parts.length === 0)
            return undefined;
        return `${parts.join(' and ')} not annotated (GitHub shows ${this.limit} of each kind per step); see the log.`;
    }
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * A job summary built from a few block types, rendered as Markdown for GitHub and as plain text
 * for the CLI. Markdown rendering stays under GitHub's 1 MiB step-summary limit (a larger
 * summary fails its upload) by cutting table rows and long text, and says what it cut.
 */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const bytes = (text) => Buffer.byteLength(text, 'utf8');
function cell(value) {
    if (value === undefined)
        return '';
    return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The longest prefix of text, cut at a line end, that fits in budget bytes. */
function cutToBytes(text, budget) {
    if (bytes(text) <= budget)
        return text;
    let cut = Buffer.from(text, 'utf8').subarray(0, Math.max(0, budget)).toString('utf8');
    cut = cut.replace(/\uFFFD$/, '');
    const lineEnd = cut.lastIndexOf('\n');
    return lineEnd > 0 ? cut.slice(0, lineEnd) : cut;
}
class Summary {
    blocks = [];
    /** A new summary: this one's blocks, then other's. */
    concat(other) {
        const joined = new Summary();
        joined.blocks.push(...this.blocks, ...other.blocks);
        return joined;
    }
    get isEmpty() {
        return this.blocks.length === 0;
    }
    heading(text, level = 2) {
        this.blocks.push({ type: 'heading', text, level });
        return this;
    }
    paragraph(text) {
        this.blocks.push({ type: 'paragraph', text });
        return this;
    }
    list(items) {
        this.blocks.push({ type: 'list', items });
        return this;
    }
    table(headers, rows) {
        this.blocks.push({ type: 'table', headers, rows });
        return this;
    }
    code(text, language = '') {
        this.blocks.push({ type: 'code', text, language });
        return this;
    }
    /** A collapsed section holding preformatted text (a log tail, a command line). */
    details(title, text) {
        this.blocks.push({ type: 'details', title, text });
        return this;
    }
    /** GitHub allows one chart worth reading per summary; keep it small. */
    mermaid(text) {
        this.blocks.push({ type: 'mermaid', text });
        return this;
    }
    /**
     * Markdown within limitBytes. Blocks are added in order; the block that does not fit is cut
     * (table rows, text lines) and the rest dropped, with a closing note that says how much.
     */
    toMarkdown(limitBytes = SUMMARY_LIMIT_BYTES) {
        const note = (omitted, cutRows) => `\n> **Summary truncated** to stay under GitHub's ${Math.round(limitBytes / 1024)} KiB limit: ` +
            `${cutRows ? `${cutRows} table rows or text lines cut, ` : ''}${omitted} later section(s) omitted. ` +
            'The full report is in the log and the results files.\n';
        const reserve = bytes(note(this.blocks.length, 9_999_999));
        let out = '';
        for (const [index, block] of this.blocks.entries()) {
            const rendered = renderMarkdown(block);
            if (bytes(out) + bytes(rendered) <= limitBytes - (index === this.blocks.length - 1 ? 0 : reserve)) {
                out += rendered;
                continue;
            }
            const budget = limitBytes - reserve - bytes(out);
            const partial = renderMarkdownCut(block, budget);
            out += partial.text;
            return out + note(this.blocks.length - index - 1, partial.cut);
        }
        return out;
    }
    /** Plain text for a terminal: tables as aligned columns, no HTML. */
    toText() {
        return this.blocks.map(renderText).join('\n');
    }
}
function renderMarkdown(block) {
    return renderMarkdownCut(block, Infinity).text;
}
function tableHead(headers) {
    return `| ${headers.map(cell).join(' | ')} |\n| ${headers.map(() => '---').join(' | ')} |\n`;
}
function renderMarkdownCut(block, budget) {
    switch (block.type) {
        case 'heading':
            return { text: `${'#'.repeat(block.level)} ${block.text}\n\n`, cut: 0 };
        case 'paragraph':
            return { text: `${cutToBytes(block.text, budget - 2)}\n\n`, cut: 0 };
        case 'list':
            return cutLines(block.items.map((item) => `- ${item}\n`), '', '\n', budget);
        case 'table':
            return cutLines(block.rows.map((row) => `| ${row.map(cell).join(' | ')} |\n`), tableHead(block.headers), '\n', budget);
        case 'code':
            return cutLines(linesOf(block.text), '```' + block.language + '\n', '```\n\n', budget);
        case 'mermaid':
            return cutLines(linesOf(block.text), '```mermaid\n', '```\n\n', budget);
        case 'details':
            return cutLines(linesOf(escapeHtml(block.text)), `<details><summary>${escapeHtml(block.title)}</summary>\n\n<pre>\n`, '</pre>\n</details>\n\n', budget);
    }
}
function linesOf(text) {
    return text
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => line + '\n');
}
/** head + as many lines as fit + tail; `cut` counts the lines left out. */
function cutLines(lines, head, tail, budget) {
    let used = bytes(head) + bytes(tail);
    let kept = 0;
    for (const line of lines) {
        if (used + bytes(line) > budget)
            break;
        used += bytes(line);
        kept++;
    }
    if (kept === 0 && used > budget)
        return { text: '', cut: lines.length };
    return { text: head + lines.slice(0, kept).join('') + tail, cut: lines.length - kept };
}
function renderText(block) {
    switch (block.type) {
        case 'heading':
            return `${block.text}\n${(block.level <= 2 ? '=' : '-').repeat(Math.min(block.text.length, 72))}\n`;
        case 'paragraph':
            return `${block.text}\n`;
        case 'list':
            return block.items.map((item) => `  - ${item}\n`).join('');
        case 'table': {
            const rows = [
                block.headers,
                ...block.rows.map((row) => row.map((value) => (value === undefined ? '' : String(value)))),
            ];
            const widths = block.headers.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
            const line = (row) => '  ' +
                row
                    .map((value, i) => value.padEnd(widths[i] ?? 0))
                    .join('  ')
                    .trimEnd() +
                '\n';
            return line(rows[0]) + line(widths.map((w) => '-'.repeat(w))) + rows.slice(1).map(line).join('');
        }
        case 'code':
        case 'mermaid':
            return block.text.replace(/^/gm, '    ').replace(/\n?$/, '\n');
        case 'details':
            return `${block.title}:\n${block.text.replace(/^/gm, '    ').replace(/\n?$/, '\n')}`;
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/action/inputs.ts
/**
 * Typed action inputs. Each action declares its inputs once as a record of InputDefs; that record
 * is parsed into a typed object before any work starts, and the same record generates the
 * action.yml, so declaration and use cannot drift apart.
 *
 * Parsing never touches the runner: it is handed a function that reads a raw value by name.
 */



function camelCase(name) {
    return name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}
/**
 * Thrown by a parse function, optionally with a reason; the parser adds the input's name, value
 * and accepted form.
 */
class InvalidValue extends Error {
}
function inputs_define(options, accepted, parseValue) {
    return {
        description: options.description,
        required: options.required ?? false,
        ...(options.default !== undefined ? { default: options.default } : {}),
        accepted,
        secret: options.secret ?? false,
        parse: (raw, ctx) => (raw === '' ? undefined : parseValue(raw, ctx)),
    };
}
/** An input with its own parser (throwing InvalidValue) for domain types such as an SRPM source. */
function custom(options, accepted, parseValue) {
    return inputs_define(options, accepted, parseValue);
}
function string(options) {
    const accepted = options.accepted ?? (options.pattern ? `text matching ${options.pattern}` : 'any text');
    return inputs_define(options, accepted, (raw) => {
        if (options.pattern && !options.pattern.test(raw))
            throw new InvalidValue();
        return raw;
    });
}
const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];
function inputs_boolean(options) {
    return inputs_define(options, 'true or false', (raw) => {
        const value = raw.toLowerCase();
        if (TRUE.includes(value))
            return true;
        if (FALSE.includes(value))
            return false;
        throw new InvalidValue();
    });
}
function bounds(min, max, show) {
    if (min !== undefined && max !== undefined)
        return ` from ${show(min)} to ${show(max)}`;
    if (min !== undefined)
        return ` of at least ${show(min)}`;
    if (max !== undefined)
        return ` of at most ${show(max)}`;
    return '';
}
function integer(options) {
    const accepted = `a whole number${bounds(options.min, options.max, String)}`;
    return inputs_define(options, accepted, (raw) => {
        if (!/^-?\d+$/.test(raw))
            throw new InvalidValue();
        const value = Number(raw);
        if (options.min !== undefined && value < options.min)
            throw new InvalidValue();
        if (options.max !== undefined && value > options.max)
            throw new InvalidValue();
        return value;
    });
}
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Parses `90s`, `15m`, `1h30m`, `500ms` into milliseconds; throws on anything else. */
function parseDuration(raw) {
    const parts = [...raw.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== raw)
        throw new InvalidValue();
    return parts.reduce((total, [, amount, unit]) => total + Number(amount) * DURATION_UNITS[unit], 0);
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${Math.round(ms / 100) / 10}s`;
    const totalSeconds = Math.round(ms / 1000);
    const parts = [
        [Math.floor(totalSeconds / 3600), 'h'],
        [Math.floor((totalSeconds % 3600) / 60), 'm'],
        [totalSeconds % 60, 's'],
    ];
    return parts
        .filter(([amount]) => amount > 0)
        .map(([amount, unit]) => `${amount}${unit}`)
        .join('');
}
/** A duration in milliseconds; bounds are given in milliseconds too. Zero is refused unless min is 0. */
function duration(options) {
    const min = options.min ?? 1;
    const range = options.min === undefined
        ? options.max === undefined
            ? ''
            : `, at most ${formatDuration(options.max)}`
        : bounds(min, options.max, formatDuration);
    const accepted = `a ${options.min === undefined ? 'positive ' : ''}duration such as 90s, 15m or 1h30m${range}`;
    return inputs_define(options, accepted, (raw) => {
        const value = parseDuration(raw);
        if (value < min || (options.max !== undefined && value > options.max))
            throw new InvalidValue();
        return value;
    });
}
/** Items separated by newlines or commas; blanks dropped. Always a list (empty when not given). */
function list(options) {
    const itemForm = options.itemAccepted ?? (options.item ? `items matching ${options.item}` : 'items');
    const def = inputs_define(options, `a list of ${itemForm}, one per line or separated by commas`, (raw) => {
        const items = raw
            .split(/[\n,]/)
            .map((item) => item.trim())
            .filter((item) => item !== '');
        if (options.item && !items.every((item) => options.item.test(item)))
            throw new InvalidValue();
        return items;
    });
    return { ...def, parse: (raw, ctx) => def.parse(raw, ctx) ?? [] };
}
function oneOf(options) {
    const accepted = `one of ${options.values.join(', ')}`;
    return inputs_define(options, accepted, (raw) => {
        if (!options.values.includes(raw))
            throw new InvalidValue();
        return raw;
    });
}
function path(options) {
    const what = options.mustExist === 'file' ? 'file' : options.mustExist === 'directory' ? 'directory' : 'path';
    const accepted = `a ${options.mustExist ? 'path to an existing ' + what : 'path'}` +
        (options.insideWorkspace ? ' inside the workspace' : '') +
        ' (absolute, or relative to the workspace)';
    return inputs_define(options, accepted, (raw, ctx) => {
        const full = (0,external_node_path_namespaceObject.resolve)(ctx.workspace, raw);
        if (options.mustExist) {
            if (!(0,external_node_fs_namespaceObject.existsSync)(full))
                throw new InvalidValue('it does not exist');
            const stat = (0,external_node_fs_namespaceObject.statSync)(full);
            if (options.mustExist === 'file' && !stat.isFile())
                throw new InvalidValue('it is not a file');
            if (options.mustExist === 'directory' && !stat.isDirectory())
                throw new InvalidValue('it is not a directory');
        }
        if (options.insideWorkspace) {
            // Resolve links on both sides so that a symlink cannot lead outside.
            const real = (0,external_node_fs_namespaceObject.existsSync)(full) ? (0,external_node_fs_namespaceObject.realpathSync)(full) : full;
            const rel = (0,external_node_path_namespaceObject.relative)((0,external_node_fs_namespaceObject.realpathSync)(ctx.workspace), real);
            if (rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel))
                throw new InvalidValue('it is outside the workspace');
        }
        return full;
    });
}
function url(options) {
    const protocols = options.protocols ?? ['https', 'http', 'file'];
    const accepted = `a URL starting with ${protocols.map((p) => p + '://').join(', ')}`;
    return inputs_define(options, accepted, (raw) => {
        let parsed;
        try {
            parsed = new URL(raw);
        }
        catch {
            throw new InvalidValue();
        }
        if (!protocols.includes(parsed.protocol.replace(/:$/, '')))
            throw new InvalidValue();
        return parsed.href;
    });
}
/** `[epoch:]version[-release]` as rpm writes it, e.g. 5.14.0-570.12.1.el9_6 or 17:9.1.0-15.el9. */
const RPM_VERSION = /^(?:\d+:)?[A-Za-z0-9][A-Za-z0-9._+~^]*(?:-[A-Za-z0-9][A-Za-z0-9._+~^]*)?$/;
function rpmVersion(options) {
    const accepted = 'an RPM version such as 5.14.0-570.12.1.el9_6 or 17:9.1.0-15.el9 ([epoch:]version[-release], no spaces)';
    return inputs_define(options, accepted, (raw) => {
        if (!RPM_VERSION.test(raw))
            throw new InvalidValue();
        return raw;
    });
}
/** Quotes a value for an error line without letting it span lines or hide whitespace. */
function show(raw) {
    return JSON.stringify(raw.length > 80 ? raw.slice(0, 77) + '...' : raw);
}
/**
 * Reads and checks every input. The first bad one ends parsing with a single-line
 * ConfigurationError naming the input, the value and the accepted form.
 */
function parseInputs(specs, read, ctx) {
    const values = {};
    for (const [name, def] of Object.entries(specs)) {
        const raw = read(name).trim() || (def.default ?? '');
        if (raw === '' && def.required) {
            throw new ConfigurationError(`Input '${name}' is required but was not given; expected ${def.accepted}.`);
        }
        try {
            values[camelCase(name)] = def.parse(raw, ctx);
        }
        catch (error) {
            if (!(error instanceof InvalidValue))
                throw error;
            const value = def.secret ? '(secret value hidden)' : show(raw);
            const why = error.message ? ` (${error.message})` : '';
            throw new ConfigurationError(`Input '${name}' has an invalid value ${value}${why}; expected ${def.accepted}.`);
        }
    }
    return values;
}

;// CONCATENATED MODULE: ./src/action/run.ts




const RESULT_ICON = { passed: '✅', configuration: '⚙️', infrastructure: '🛠️', test: '❌', internal: '💥' };
function phaseContext(host, summary, annotator, signal) {
    return {
        log: host,
        summary,
        workspace: host.workspace,
        runInfo: host.runInfo,
        cache: host.cache,
        signal,
        host: host.kind,
        annotate: (kind, message, properties) => annotator.annotate(kind, message, properties),
        setSecret: (value) => host.setSecret(value),
        state: {
            save: (name, value) => host.saveState(name, JSON.stringify(value)),
            get: (name) => {
                const raw = host.getState(name);
                return raw ? JSON.parse(raw) : undefined;
            },
        },
    };
}
/** Stops the phase's work on SIGINT/SIGTERM (job cancelled); the phase decides how to wind down. */
function cancellation(host) {
    const controller = new AbortController();
    const onSignal = (signal) => {
        host.warning(`Received ${signal}: stopping`);
        controller.abort(new Error(`cancelled by ${signal}`));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        dispose: () => {
            process.removeListener('SIGINT', onSignal);
            process.removeListener('SIGTERM', onSignal);
        },
    };
}
function formatOutput(value) {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
/** Returns the exit code (0 or 1); the host has already been told about any failure. */
async function runAction(action, host, phase = 'main') {
    const summary = new Summary();
    const annotator = new Annotator(host);
    const { signal, dispose } = cancellation(host);
    const ctx = phaseContext(host, summary, annotator, signal);
    let outcome = 'passed';
    let headline;
    try {
        if (phase === 'post') {
            if (action.post)
                await action.post(ctx);
        }
        else {
            const declared = new Set(Object.keys(action.outputs));
            const inputs = parseInputs(action.inputs, (name) => host.getInput(name), { workspace: host.workspace });
            await action.main({
                ...ctx,
                inputs,
                setOutput: (name, value) => {
                    // The types already prevent this; the check keeps action.yml honest for untyped callers.
                    if (!declared.has(name))
                        throw new Error(`output '${name}' is not declared by ${action.name}`);
                    host.setOutput(name, formatOutput(value));
                },
            });
        }
    }
    catch (error) {
        outcome = failureKind(error);
        headline = failureHeadline(error);
        if (outcome === 'internal' && error instanceof Error && error.stack)
            host.debug(error.stack);
    }
    finally {
        dispose();
    }
    let component;
    let token = '';
    if (phase === 'main') {
        component = host.getInput('failure-issue').trim() || undefined;
        token = host.getInput('github-token');
    }
    const dropped = annotator.droppedNote();
    if (dropped)
        summary.paragraph(`_${dropped}_`);
    // The failure leads the summary so it is the first thing read.
    const report = new Summary().heading(`${RESULT_ICON[outcome]} ${action.title}${phase === 'post' ? ' (cleanup)' : ''}: ${headline ?? 'passed'}`);
    if (phase === 'main' || headline || !summary.isEmpty)
        await host.writeSummary(report.concat(summary));
    if (component && host.reportOutcome) {
        try {
            const done = await host.reportOutcome({
                component,
                result: outcome,
                ...(headline ? { headline } : {}),
                summary: report.concat(summary).toMarkdown(),
                ...(host.runInfo.runUrl ? { runUrl: host.runInfo.runUrl } : {}),
            }, token);
            if (done.action !== 'none')
                host.info(`Failure issue #${done.issue} ${done.action}`);
        }
        catch (error) {
            // Reporting never changes the step's result.
            host.warning(`Could not update the failure issue of ${component}: ${error.message}`);
        }
    }
    if (headline) {
        host.fail(headline);
        return 1;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/exec/process.ts
/** Whether a process still runs (signal 0 tests it without touching it). */
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/host/paths.ts
/** Where the suite keeps downloads and local caches on a machine (kept between runs on self-hosted runners). */


function defaultCacheDir() {
    return (process.env.KVM_ACTIONS_CACHE ||
        (0,external_node_path_namespaceObject.join)(process.env.XDG_CACHE_HOME || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.cache'), 'kvm-actions'));
}
/** Scratch space: the runner's own temp folder when there is one (cleaned per job), else the system's. */
function scratchDir() {
    return process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)();
}

;// CONCATENATED MODULE: ./src/action/cleanup.ts
/**
 * Things a main phase leaves for the post phase to remove: temporary folders and processes
 * (qemu, gpg-agent). Recorded in the action state the moment they are created, so the post phase
 * can clean up even after main was killed with SIGKILL.
 */




const DIRS = 'cleanup-dirs';
const PIDS = 'cleanup-pids';
function createWorkDir(state, prefix) {
    const dir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(scratchDir(), `kvm-actions-${prefix}-`));
    state.save(DIRS, [...(state.get(DIRS) ?? []), dir]);
    return dir;
}
function trackProcess(state, pid) {
    state.save(PIDS, [...(state.get(PIDS) ?? []), pid]);
}
/** Process ids in the *.pid files directly inside dir. */
function pidFiles(dir) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(dir))
        return [];
    return (0,external_node_fs_namespaceObject.readdirSync)(dir)
        .filter((name) => name.endsWith('.pid'))
        .map((name) => Number((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, name), 'utf8').trim()))
        .filter((pid) => Number.isInteger(pid) && pid > 1);
}
/** Kills recorded process groups and removes recorded folders; returns what it did. */
async function cleanUp(state, graceMs = 3000) {
    const killed = [];
    // Pidfiles in the recorded folders (qemu -pidfile) name processes started after the last state save.
    const fromFiles = (state.get(DIRS) ?? []).flatMap((dir) => pidFiles(dir));
    for (const pid of new Set([...(state.get(PIDS) ?? []), ...fromFiles])) {
        if (!isAlive(pid))
            continue;
        killed.push(pid);
        for (const target of [-pid, pid]) {
            try {
                process.kill(target, 'SIGTERM');
            }
            catch {
                // not a group leader, or gone
            }
        }
    }
    const deadline = Date.now() + graceMs;
    while (killed.some(isAlive) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    for (const pid of killed.filter(isAlive)) {
        for (const target of [-pid, pid]) {
            try {
                process.kill(target, 'SIGKILL');
            }
            catch {
                // gone
            }
        }
    }
    const removed = state.get(DIRS) ?? [];
    for (const dir of removed)
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    state.save(PIDS, []);
    state.save(DIRS, []);
    return { killed, removed };
}
/** The post phase of every action that leaves things behind: clean up and say what was done. */
async function postCleanUp({ state, log }) {
    const { killed, removed } = await cleanUp(state);
    log.info(`Stopped ${killed.length} process(es), removed ${removed.length} temporary folder(s)`);
}

;// CONCATENATED MODULE: ./src/action/reporting.ts
/** Inputs every action takes for the nightly failure issues (report/issues.ts). */

const REPORTING_INPUTS = {
    'failure-issue': string({
        description: 'A component name (such as `boot-test-guest power9 nested`): when set, a failing step opens or updates the GitHub issue of that component, and a passing one closes it. Needs issues: write.',
    }),
    'github-token': string({
        description: 'The token for failure-issue.',
        default: '${{ github.token }}',
        secret: true,
    }),
};

;// CONCATENATED MODULE: ./src/action/definition.ts

/** Every action also takes the reporting inputs (failure-issue, github-token). */
function defineAction(definition) {
    return { ...definition, inputs: { ...definition.inputs, ...REPORTING_INPUTS } };
}

;// CONCATENATED MODULE: ./src/action/index.ts
/** The action framework in one import: definitions, typed inputs (as `input.*`), errors. */




;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/exec/exec.ts
/**
 * The one way the suite starts programs. Node's spawn is used directly rather than @actions/exec
 * because a timeout must kill the whole process group (qemu, rpmbuild and mock all fork), which
 * needs the child started as a group leader.
 *
 * Commands are argv arrays: nothing is ever passed through a shell.
 */





class CommandFailedError extends InfrastructureError {
    result;
    name = 'CommandFailedError';
    constructor(result) {
        const how = result.timedOut
            ? `timed out after ${formatDuration(result.durationMs)}`
            : result.signal
                ? `was killed by ${result.signal}`
                : `exited with code ${result.exitCode}`;
        const lastLine = lastNonEmptyLine(result.stderr) ?? lastNonEmptyLine(result.stdout);
        super(`${describeArgv(result.argv)} ${how}${lastLine ? `: ${lastLine}` : ''}`);
        this.result = result;
    }
}
function lastNonEmptyLine(text) {
    return text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .at(-1);
}
/** For messages only: argv shown readably, quoting words that have spaces or quotes. */
function describeArgv(argv) {
    return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}
const DEFAULT_CAPTURE = 16 * 1024 * 1024;
/** Keeps the last `limit` bytes so the error line of a long build survives. */
class Capture {
    limit;
    chunks = [];
    size = 0;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.limit && this.chunks.length > 1)
            this.size -= this.chunks.shift().length;
    }
    text() {
        const all = Buffer.concat(this.chunks);
        return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
    }
}
/** Streams complete lines to the log as they arrive. */
class LineSplitter {
    emit;
    pending = '';
    constructor(emit) {
        this.emit = emit;
    }
    push(chunk) {
        const lines = (this.pending + chunk.toString('utf8')).split('\n');
        this.pending = lines.pop() ?? '';
        for (const line of lines)
            this.emit(line);
    }
    flush() {
        if (this.pending)
            this.emit(this.pending);
        this.pending = '';
    }
}
function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // already gone
    }
}
async function exec(argv, options = {}) {
    const run = () => spawnAndWait(argv, options);
    const result = options.log && options.group ? await options.log.group(options.group, run) : await run();
    const ok = (options.okExitCodes ?? [0]).includes(result.exitCode ?? -1) && !result.timedOut;
    if (!ok && !options.allowFailure)
        throw new CommandFailedError(result);
    return result;
}
function spawnAndWait(argv, options) {
    const [program, ...args] = argv;
    const started = performance.now();
    const stdout = new Capture(options.captureLimitBytes ?? DEFAULT_CAPTURE);
    const stderr = new Capture(options.captureLimitBytes ?? DEFAULT_CAPTURE);
    let file;
    if (options.logFile) {
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(options.logFile), { recursive: true });
        file = (0,external_node_fs_namespaceObject.createWriteStream)(options.logFile, { flags: 'a' });
    }
    // One splitter per stream, so a partial stdout line never merges with a stderr line.
    const splitter = (stream) => options.log || options.onLine
        ? new LineSplitter((line) => {
            options.log?.info(line);
            options.onLine?.(line, stream);
        })
        : undefined;
    const stdoutLines = splitter('stdout');
    const stderrLines = splitter('stderr');
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(program, args, {
            cwd: options.cwd,
            env: { ...process.env, ...options.env },
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            // Own process group, so a timeout or cancellation can stop everything the program forked.
            detached: true,
        });
        if (child.pid !== undefined)
            options.onSpawn?.(child.pid);
        let timedOut = false;
        const stop = () => {
            if (child.pid === undefined)
                return;
            killGroup(child.pid, 'SIGTERM');
            setTimeout(() => killGroup(child.pid, 'SIGKILL'), options.killGraceMs ?? 5000).unref();
        };
        const timer = options.timeoutMs !== undefined
            ? setTimeout(() => {
                timedOut = true;
                stop();
            }, options.timeoutMs)
            : undefined;
        const onAbort = () => stop();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        // A parent that exits normally must not leave the group behind.
        const onExit = () => {
            if (child.pid !== undefined)
                killGroup(child.pid, 'SIGKILL');
        };
        process.once('exit', onExit);
        const take = (capture, lines) => (chunk) => {
            capture.push(chunk);
            file?.write(chunk);
            lines?.push(chunk);
        };
        child.stdout.on('data', take(stdout, stdoutLines));
        child.stderr.on('data', take(stderr, stderrLines));
        if (options.input !== undefined)
            child.stdin.end(options.input);
        const cleanup = () => {
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            process.removeListener('exit', onExit);
        };
        child.on('error', (error) => {
            cleanup();
            file?.end();
            if (error.code === 'ENOENT') {
                reject(new InfrastructureError(`'${program}' is not installed (not found on PATH${options.cwd ? ` or in ${options.cwd}` : ''}); ` +
                    'run scripts/setup-host.sh to install the suite’s system packages'));
            }
            else if (error.code === 'EACCES') {
                reject(new InfrastructureError(`'${program}' cannot be run: permission denied`));
            }
            else {
                reject(new InfrastructureError(`'${program}' could not be started: ${error.message}`));
            }
        });
        child.on('close', (exitCode, signal) => {
            cleanup();
            stdoutLines?.flush();
            stderrLines?.flush();
            const result = {
                argv,
                exitCode,
                signal,
                stdout: stdout.text(),
                stderr: stderr.text(),
                durationMs: performance.now() - started,
                timedOut,
            };
            if (file)
                file.end(() => resolvePromise(result));
            else
                resolvePromise(result);
        });
    });
}

;// CONCATENATED MODULE: ./src/guest/console.ts
/** Kernel, firmware and QEMU messages worth detecting (LAVA/kola style; domain notes, section 6). */
const CONSOLE_PATTERNS = [
    { kind: 'kernel panic', fatal: true, pattern: /Kernel panic - not syncing/ },
    { kind: 'oops', fatal: true, pattern: /\bOops: / },
    { kind: 'kernel BUG', fatal: true, pattern: /kernel BUG at |^\s*(\[[\s\d.]+\]\s*)?BUG: / },
    {
        kind: 'RCU stall',
        fatal: false,
        pattern: /rcu: INFO: rcu_\w+ (self-)?detected stall|rcu_sched self-detected stall/,
    },
    { kind: 'soft lockup', fatal: false, pattern: /watchdog: BUG: soft lockup/ },
    { kind: 'kernel warning', fatal: false, pattern: /WARNING: CPU: \d+ PID: \d+ at / },
    {
        kind: 'emergency shell',
        fatal: true,
        pattern: /dracut: Refusing to continue|Entering emergency mode|You are in emergency mode/,
    },
    { kind: 'SLOF error', fatal: true, pattern: /\bE340[0-9]: / },
    { kind: 'CAS negotiation failure', fatal: true, pattern: /Couldn't negotiate a suitable PVR during CAS/ },
    // QEMU's own errors end QEMU itself; warnings (such as TCG lacking a capability) are only reported.
    { kind: 'QEMU error', fatal: false, pattern: /^(qemu-system-\S+|qemu-kvm): (?!warning:)/ },
];
class ConsoleWatcher {
    markers;
    findings = [];
    lineNumber = 0;
    markerLine;
    constructor(markers) {
        this.markers = markers;
    }
    /** Feeds one console line; returns 'ready', 'fatal' or undefined. */
    feed(line) {
        this.lineNumber++;
        for (const { kind, fatal, pattern } of CONSOLE_PATTERNS) {
            if (pattern.test(line)) {
                this.findings.push({ kind, fatal, line: line.trim(), lineNumber: this.lineNumber });
                if (fatal)
                    return 'fatal';
            }
        }
        if (this.markers.some((marker) => marker.test(line))) {
            this.markerLine = this.lineNumber;
            return 'ready';
        }
        return undefined;
    }
    get fatal() {
        return this.findings.find((finding) => finding.fatal);
    }
}

;// CONCATENATED MODULE: ./src/guest/boot.ts
/**
 * Direct kernel boot of a ppc64le guest to a readiness marker: a generated busybox initramfs runs
 * the checks and prints delimited results on the console, which is parsed live. A fatal console
 * line, or no marker in time, is a test failure; a QEMU that cannot start is an infrastructure
 * error.
 */






const READY_MARKER = 'KVM-ACTIONS-READY';
/** In the nested scenario, L1 relays L2's console lines with this prefix. */
const L2_PREFIX = 'L2| ';
function shellWord(word) {
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/**
 * An initramfs (newc cpio) with a static busybox whose /init runs the checks and powers off;
 * `files` adds more (the nested scenario's emulator, modules and L2 guest).
 */
async function buildInitramfs(dir, busybox, checks, extraInit = '', files = [], name = 'initramfs') {
    const root = (0,external_node_path_namespaceObject.join)(dir, name);
    for (const sub of ['bin', 'proc', 'sys', 'dev', 'tmp'])
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.join)(root, sub), { recursive: true });
    (0,external_node_fs_namespaceObject.copyFileSync)(busybox, (0,external_node_path_namespaceObject.join)(root, 'bin', 'busybox'));
    (0,external_node_fs_namespaceObject.chmodSync)((0,external_node_path_namespaceObject.join)(root, 'bin', 'busybox'), 0o755);
    for (const file of files) {
        const target = (0,external_node_path_namespaceObject.join)(root, file.target);
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true });
        (0,external_node_fs_namespaceObject.copyFileSync)(file.source, target);
        (0,external_node_fs_namespaceObject.chmodSync)(target, (0,external_node_fs_namespaceObject.statSync)(file.source).mode & 0o777);
    }
    const lines = [
        '#!/bin/busybox sh',
        '/bin/busybox --install -s /bin',
        'mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev',
        'echo KVM-ACTIONS-USERSPACE',
        extraInit,
        ...checks.flatMap((check) => [
            `echo ${shellWord(`KVM-ACTIONS-CHECK-BEGIN ${check.name}`)}`,
            check.timeoutSeconds
                ? `timeout ${check.timeoutSeconds} sh -c ${shellWord(check.command)} 2>&1; echo "KVM-ACTIONS-CHECK-END rc=$?"`
                : `( ${check.command} ) 2>&1; echo "KVM-ACTIONS-CHECK-END rc=$?"`,
        ]),
        `echo ${READY_MARKER}`,
        'poweroff -f',
    ];
    (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(root, 'init'), lines.filter(Boolean).join('\n') + '\n', { mode: 0o755 });
    const image = (0,external_node_path_namespaceObject.join)(dir, `${name}.cpio`);
    await exec([
        'bash',
        '-c',
        'set -o pipefail; cd "$1" && find . | cpio -o -H newc --quiet > "$2"',
        'initramfs',
        root,
        image,
    ]);
    // Written back now, not while the guest boots from it (the nested L1 image is about 100 MB).
    await exec(['sync', image]);
    return image;
}
/** QEMU exited before the guest ran; `output` is what it said (the capability refusals). */
class QemuStartError extends InfrastructureError {
    output;
    constructor(message, output) {
        super(message);
        this.output = output;
    }
}
/** What every guest's command line starts with: the machine, its size, and the console on stdio. */
function guestQemuArgs(options) {
    return [
        options.qemu,
        ...(options.firmwareDir ? ['-L', options.firmwareDir] : []),
        '-M',
        options.machine,
        '-cpu',
        options.cpu,
        '-m',
        String(options.memoryMb),
        '-smp',
        String(options.smp),
        '-accel',
        options.accel,
        '-nographic',
        '-no-reboot',
        '-nodefaults',
        '-serial',
        'stdio',
    ];
}
function qemuArgv(options) {
    return [
        ...guestQemuArgs(options),
        '-kernel',
        options.kernel,
        '-initrd',
        options.initrd,
        '-append',
        options.append ?? 'console=hvc0 panic=-1',
        ...(options.pidFile ? ['-pidfile', options.pidFile] : []),
    ];
}
/**
 * One guest's console, line by line, whatever runs the guest (qemu or libvirt): the timeline,
 * the checks' delimited results, the classifier, and when to stop (fatal line, or the shutdown
 * timeout after the ready marker).
 */
class ConsoleSession {
    options;
    stop;
    watcher;
    timeline = { end: 0 };
    checks = [];
    sawKernel = false;
    killedAtShutdown = false;
    current;
    shutdownTimer;
    started = performance.now();
    constructor(options, stop) {
        this.options = options;
        this.stop = stop;
        this.watcher = new ConsoleWatcher(options.markers ?? [new RegExp(`^${READY_MARKER}$`)]);
    }
    feed(raw) {
        const line = raw.replace(/\r$/, '');
        const at = performance.now() - this.started;
        const { timeline } = this;
        if (!this.sawKernel && /Linux version|Using pSeries machine description/.test(line)) {
            this.sawKernel = true;
            timeline.kernel = at;
        }
        if (line === 'KVM-ACTIONS-USERSPACE')
            timeline.userspace = at;
        if (line.startsWith(L2_PREFIX)) {
            timeline.l2Start ??= at;
            if (line === `${L2_PREFIX}${READY_MARKER}`)
                timeline.l2Ready = at;
        }
        const begin = /^KVM-ACTIONS-CHECK-BEGIN (.+)$/.exec(line);
        const end = /^KVM-ACTIONS-CHECK-END rc=(\d+)$/.exec(line);
        if (begin)
            this.current = { name: begin[1], exitCode: -1, output: '' };
        else if (end && this.current) {
            this.current.exitCode = Number(end[1]);
            this.checks.push(this.current);
            this.current = undefined;
        }
        else if (this.current)
            this.current.output += `${line}\n`;
        const verdict = this.watcher.feed(line);
        if (verdict === 'ready' && timeline.ready === undefined) {
            timeline.ready = at;
            if (!this.options.holdShutdown)
                this.startShutdown();
            this.options.onReady?.();
        }
        if (verdict === 'fatal')
            this.stop();
    }
    /** From now on the guest has shutdownTimeoutMs to power off before it is killed. */
    startShutdown() {
        if (this.shutdownTimer)
            return;
        this.shutdownTimer = setTimeout(() => {
            this.killedAtShutdown = true;
            this.stop();
        }, this.options.shutdownTimeoutMs ?? 30_000);
    }
    /** Ends the session: a fatal line or no ready marker throws; otherwise the result. */
    finish(argv, notReady) {
        clearTimeout(this.shutdownTimer);
        this.timeline.end = performance.now() - this.started;
        const fatal = this.watcher.fatal;
        if (fatal)
            throw new TestFailure(`guest ${fatal.kind} at console line ${fatal.lineNumber}: ${fatal.line}`);
        if (this.timeline.ready === undefined)
            throw notReady();
        return {
            argv,
            checks: this.checks,
            findings: this.watcher.findings,
            shutdown: this.killedAtShutdown ? 'killed' : 'clean',
            timeline: this.timeline,
        };
    }
}
async function bootGuest(options) {
    const argv = qemuArgv(options);
    const stop = new AbortController();
    options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
    const session = new ConsoleSession(options, () => stop.abort());
    const result = await exec(argv, {
        ...(options.onStart ? { onSpawn: options.onStart } : {}),
        timeoutMs: options.bootTimeoutMs,
        killGraceMs: 2000,
        allowFailure: true,
        logFile: options.consoleLog,
        signal: stop.signal,
        onLine: (line) => session.feed(line),
    });
    if (options.signal?.aborted)
        throw new InfrastructureError('cancelled: the guest was stopped');
    return session.finish(argv, () => {
        if (!session.sawKernel && result.exitCode !== null && result.exitCode !== 0 && !result.timedOut) {
            const said = (result.stderr + result.stdout).trim().split('\n');
            const why = session.watcher.findings.find((f) => f.kind === 'QEMU error')?.line ??
                said.find((l) => /: (?!warning:)/.test(l)) ??
                said.at(-1);
            return new QemuStartError(`${options.qemu} could not start the guest: ${why}`, said.join('\n'));
        }
        return new TestFailure(result.timedOut
            ? `guest did not reach its ready marker within ${formatDuration(options.bootTimeoutMs)}`
            : `guest stopped before its ready marker (exit code ${result.exitCode})`);
    });
}

;// CONCATENATED MODULE: ./src/guest/results.ts
/** Boot results as files for test reporters (JUnit XML, JSON) and as a summary with a timeline chart. */



const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function writeResults(dir, result) {
    (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(dir, 'results.json'), JSON.stringify(result, null, 2) + '\n');
    const failures = result.checks.filter((c) => c.exitCode !== 0).length;
    const cases = result.checks.map((check) => [
        `  <testcase classname="boot-test-guest" name="${xml(check.name)}">`,
        ...(check.exitCode !== 0
            ? [`    <failure message="exit code ${check.exitCode}">${xml(check.output)}</failure>`]
            : []),
        `    <system-out>${xml(check.output)}</system-out>`,
        '  </testcase>',
    ].join('\n'));
    (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(dir, 'junit.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="boot-test-guest" tests="${result.checks.length}" failures="${failures}" time="${(result.timeline.end / 1000).toFixed(3)}">\n${cases.join('\n')}\n</testsuite>\n`);
}
/** The boot phases as a table and one mermaid gantt chart. */
function timelineSummary(summary, timeline) {
    const phases = [
        ['firmware', 0, timeline.kernel],
        ['kernel', timeline.kernel ?? 0, timeline.userspace],
        ['userspace', timeline.userspace ?? 0, timeline.ready],
        ['L2 guest', timeline.l2Start ?? 0, timeline.l2Start !== undefined ? timeline.l2Ready : undefined],
    ];
    const known = phases.filter(([, , end]) => end !== undefined);
    summary.table(['Phase', 'Start', 'Duration'], known.map(([name, start, end]) => [name, formatDuration(start), formatDuration(end - start)]));
    summary.mermaid([
        'gantt',
        '  title Boot timeline (ms)',
        '  dateFormat x',
        '  axisFormat %S.%L s',
        ...known.map(([name, start, end]) => `  ${name} : ${Math.round(start)}, ${Math.round(end)}`),
    ].join('\n'));
}

;// CONCATENATED MODULE: ./src/exec/tools.ts
/** Finds programs on PATH before any work starts, so a missing tool fails in seconds with a fix. */



function findOnPath(program, path = process.env.PATH ?? '') {
    if (program.includes('/'))
        return canRun(program) ? program : undefined;
    for (const dir of path.split(external_node_path_namespaceObject.delimiter).filter(Boolean)) {
        const candidate = (0,external_node_path_namespaceObject.join)(dir, program);
        if (canRun(candidate))
            return candidate;
    }
    return undefined;
}
function canRun(file) {
    try {
        (0,external_node_fs_namespaceObject.accessSync)(file, external_node_fs_namespaceObject.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Resolves every program or throws one InfrastructureError naming all that are missing. */
function requireTools(programs, path) {
    const found = {};
    const missing = [];
    for (const program of programs) {
        const location = findOnPath(program, path);
        if (location)
            found[program] = location;
        else
            missing.push(program);
    }
    if (missing.length > 0) {
        throw new InfrastructureError(`required program${missing.length > 1 ? 's' : ''} not installed: ${missing.join(', ')}; ` +
            'run scripts/setup-host.sh (apt or dnf) to install them');
    }
    return found;
}

;// CONCATENATED MODULE: ./src/guest/probe.ts
/**
 * What the host offers for running POWER guests: CPU generation, platform, a usable /dev/kvm,
 * kvm_hv and its nested parameter. Read from files under a root folder so tests can give a fake
 * POWER host; the parsing is pure.
 */



/** Parses the ppc64 /proc/cpuinfo keys (`cpu`, `platform`, `machine`, `MMU`). */
function parseCpuInfo(text) {
    const field = (key) => new RegExp(`^${key}\\s*:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
    const cpu = field('cpu');
    const generation = cpu ? /^(POWER\d+)/i.exec(cpu)?.[1]?.toUpperCase() : undefined;
    return {
        ...(cpu ? { cpu } : {}),
        ...(generation ? { generation } : {}),
        ...(field('platform') ? { platform: field('platform') } : {}),
        ...(field('machine') ? { machine: field('machine') } : {}),
        ...(field('MMU') ? { mmu: field('MMU') } : {}),
    };
}
function classifyPlatform(architecture, info) {
    if (!architecture.startsWith('ppc64'))
        return 'not-power';
    if (info.platform === 'PowerNV')
        return 'powernv';
    if (info.machine && /emulated by qemu/i.test(info.machine))
        return 'emulated';
    return 'pseries-lpar';
}
function read(root, file) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, file), 'utf8');
    }
    catch {
        return undefined;
    }
}
function probeHost(root = '/', architecture = (0,external_node_os_namespaceObject.machine)()) {
    const info = parseCpuInfo(read(root, 'proc/cpuinfo') ?? '');
    const kvm = (0,external_node_path_namespaceObject.join)(root, 'dev/kvm');
    let kvmDevice = 'absent';
    if ((0,external_node_fs_namespaceObject.existsSync)(kvm)) {
        try {
            (0,external_node_fs_namespaceObject.accessSync)(kvm, external_node_fs_namespaceObject.constants.R_OK | external_node_fs_namespaceObject.constants.W_OK);
            kvmDevice = 'usable';
        }
        catch {
            kvmDevice = 'no-permission';
        }
    }
    const nested = read(root, 'sys/module/kvm_hv/parameters/nested')?.trim();
    const interrupts = read(root, 'proc/interrupts');
    const smt = read(root, 'sys/devices/system/cpu/smt/active')?.trim();
    const meminfo = read(root, 'proc/meminfo') ?? '';
    const hugeTotal = /^HugePages_Total:\s+(\d+)/m.exec(meminfo)?.[1];
    const hugeSize = /^Hugepagesize:\s+(\d+) kB/m.exec(meminfo)?.[1];
    const power = architecture.startsWith('ppc64');
    return {
        architecture,
        ...(info.cpu ? { cpu: info.cpu } : {}),
        ...(info.generation ? { generation: info.generation } : {}),
        platform: classifyPlatform(architecture, info),
        ...(info.mmu ? { mmu: info.mmu } : {}),
        kvmDevice,
        kvmHvLoaded: (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, 'sys/module/kvm_hv')),
        ...(nested !== undefined ? { nested: nested === 'Y' || nested === '1' } : {}),
        ...(power && interrupts !== undefined ? { xive: /\bXIVE/.test(interrupts) } : {}),
        ...(smt !== undefined ? { smt: smt === '1' } : {}),
        ...(hugeTotal && hugeSize ? { hugepages: { total: Number(hugeTotal), sizeKb: Number(hugeSize) } } : {}),
    };
}
/**
 * auto: KVM when this is POWER with a usable /dev/kvm and kvm_hv loaded, else emulation with a
 * reason. /dev/kvm alone is not trusted: it exists even when kvm_hv failed to load.
 */
function chooseAccel(requested, probe) {
    const unusable = probe.platform === 'not-power'
        ? `this host is ${probe.architecture}, not POWER`
        : probe.kvmDevice === 'absent'
            ? '/dev/kvm does not exist'
            : probe.kvmDevice === 'no-permission'
                ? '/dev/kvm is not readable and writable by this user'
                : !probe.kvmHvLoaded
                    ? 'the kvm_hv module is not loaded'
                    : undefined;
    if (requested === 'tcg')
        return { accel: 'tcg' };
    if (!unusable)
        return { accel: 'kvm' };
    return { accel: requested === 'kvm' ? 'kvm' : 'tcg', reason: unusable };
}

;// CONCATENATED MODULE: ./src/guest/nested.ts
/**
 * The hypervisor-under-test scenario: the candidate kernel boots as L1 on a machine with
 * cap-nested-hv=on, loads kvm_hv, and starts an L2 guest with KVM. /dev/kvm appearing proves
 * nothing (it appears even when kvm_hv fails to load); only an L2 that reaches its marker does.
 */





/** Where scripts/setup-host.sh unpacks Debian's ppc64el qemu-system-ppc64 with its libraries. */
const GUEST_QEMU_DIR = '/var/cache/kvm-actions/guest-qemu';
/** Inside L1. */
const L1_QEMU = '/usr/bin/qemu-system-ppc64';
const L1_LIBS = '/usr/lib/kvm-actions-qemu';
const L1_FIRMWARE = '/usr/share/qemu';
const L1_MODULES = '/lib/kvm';
const L2_DIR = '/l2';
const MODULE_SUFFIXES = ['.ko', '.ko.xz', '.ko.zst', '.ko.gz'];
/** The file of module `name` below `dir` (kvm-hv and kvm_hv name the same module). */
function findModule(dir, name) {
    const wanted = new Set(MODULE_SUFFIXES.flatMap((suffix) => [name, name.replace(/_/g, '-')].map((n) => n + suffix)));
    for (const entry of (0,external_node_fs_namespaceObject.readdirSync)(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && wanted.has(entry.name))
            return (0,external_node_path_namespaceObject.join)(entry.parentPath, entry.name);
    }
    return undefined;
}
/** A module as busybox insmod takes it: uncompressed. */
async function plainModule(file, outDir) {
    const name = (0,external_node_path_namespaceObject.basename)(file).replace(/\.ko(\.\w+)?$/, '.ko');
    const out = (0,external_node_path_namespaceObject.join)(outDir, name);
    const tool = file.endsWith('.xz')
        ? 'xz'
        : file.endsWith('.zst')
            ? 'zstd'
            : file.endsWith('.gz')
                ? 'gzip'
                : undefined;
    if (!tool)
        return file;
    // The decompressor's output goes to a file named here; the module path is an argument.
    await exec(['bash', '-c', '"$1" -dc -- "$2" > "$3"', 'decompress', tool, file, out]);
    return out;
}
/** The `depends=` entry of a module's modinfo section. */
function moduleDepends(content) {
    const match = /(?:^|\0)depends=([^\0]*)\0/.exec(content.toString('latin1'));
    return match?.[1] ? match[1].split(',').filter(Boolean) : [];
}
/** kvm and kvm_hv with what they depend on, in load order, uncompressed into outDir. */
async function kvmModules(modulesDir, outDir) {
    const ordered = [];
    const visit = async (name, chain) => {
        const key = name.replace(/-/g, '_');
        if (ordered.some((file) => (0,external_node_path_namespaceObject.basename)(file).replace(/\.ko$/, '').replace(/-/g, '_') === key))
            return;
        if (chain.includes(key))
            return;
        const file = findModule(modulesDir, name);
        if (!file) {
            throw new ConfigurationError(`${modulesDir} has no ${name}.ko: expected the candidate kernel's modules (kernel/arch/powerpc/kvm/kvm.ko and kvm-hv.ko) for the nested scenario`);
        }
        const plain = await plainModule(file, outDir);
        for (const dependency of moduleDepends((0,external_node_fs_namespaceObject.readFileSync)(plain)))
            await visit(dependency, [...chain, key]);
        ordered.push(plain);
    };
    await visit('kvm', []);
    await visit('kvm_hv', []);
    return ordered;
}
function guestQemuFiles(dir) {
    const qemu = (0,external_node_path_namespaceObject.join)(dir, 'bin', 'qemu-system-ppc64');
    const libs = (0,external_node_path_namespaceObject.join)(dir, 'lib');
    if (!(0,external_node_fs_namespaceObject.existsSync)(qemu) || !(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(libs, 'ld64.so.2'))) {
        throw new InfrastructureError(`${dir} has no ppc64le qemu-system-ppc64 with its libraries (bin/, lib/ld64.so.2); run scripts/setup-host.sh, which unpacks Debian's into ${GUEST_QEMU_DIR}`);
    }
    return [
        { source: qemu, target: L1_QEMU },
        { source: (0,external_node_path_namespaceObject.join)(libs, 'ld64.so.2'), target: '/lib64/ld64.so.2' },
        ...(0,external_node_fs_namespaceObject.readdirSync)(libs)
            .filter((name) => name !== 'ld64.so.2')
            .map((name) => ({ source: (0,external_node_path_namespaceObject.join)(libs, name), target: `${L1_LIBS}/${name}` })),
        ...(0,external_node_fs_namespaceObject.readdirSync)((0,external_node_path_namespaceObject.join)(dir, 'share')).map((name) => ({
            source: (0,external_node_path_namespaceObject.join)(dir, 'share', name),
            target: `${L1_FIRMWARE}/${name}`,
        })),
    ];
}
/** The L2 command inside L1: the guest's emulator run through its own loader and libraries. */
function l2Command(options) {
    return [
        'timeout',
        String(options.l2TimeoutSeconds),
        '/lib64/ld64.so.2',
        '--library-path',
        L1_LIBS,
        L1_QEMU,
        '-L',
        L1_FIRMWARE,
        '-M',
        'pseries,x-vof=on,kvm-type=HV',
        '-accel',
        'kvm',
        '-m',
        String(options.l2MemoryMb),
        '-nographic',
        '-no-reboot',
        '-nodefaults',
        '-serial',
        'stdio',
        '-kernel',
        `${L2_DIR}/vmlinux`,
        '-initrd',
        `${L2_DIR}/initramfs.cpio`,
        '-append',
        'console=hvc0 panic=-1',
    ];
}
/** The checks that prove L1 is a working KVM hypervisor; they run before the user's checks. */
function nestedChecks(options, modules) {
    const nested = '/sys/module/kvm_hv/parameters/nested';
    return [
        {
            name: 'kvm_hv loads',
            command: [
                ...modules.map((module) => `insmod ${L1_MODULES}/${(0,external_node_path_namespaceObject.basename)(module)}`),
                `echo "nested=$(cat ${nested})"`,
                `grep -qx Y ${nested}`,
            ].join(' && '),
        },
        { name: '/dev/kvm', command: 'test -c /dev/kvm && ls -l /dev/kvm' },
        {
            name: 'L2 guest under KVM',
            // L2's console is prefixed so that its marker and results never pass for L1's own.
            // awk flushes each line, so L0 sees L2's console live (the L2 phase of the timeline).
            command: `${l2Command(options).map(shellWord).join(' ')} 2>&1 | awk '{ sub(/\r$/, ""); print "${L2_PREFIX}" $0; fflush() }' | tee /tmp/l2.log; grep -qx '${L2_PREFIX}${READY_MARKER}' /tmp/l2.log`,
        },
    ];
}
/** Files and checks of the L1 initramfs, with the L2 initramfs built beside it. */
async function nestedPayload(work, options) {
    const moduleDir = (0,external_node_path_namespaceObject.join)(work, 'modules');
    await exec(['mkdir', '-p', moduleDir]);
    const modules = await kvmModules(options.modulesDir, moduleDir);
    const l2Initrd = await buildInitramfs(work, options.busybox, [], '', [], 'l2-initramfs');
    return {
        files: [
            ...guestQemuFiles(options.guestQemuDir),
            ...modules.map((module) => ({ source: module, target: `${L1_MODULES}/${(0,external_node_path_namespaceObject.basename)(module)}` })),
            { source: options.l2Kernel, target: `${L2_DIR}/vmlinux` },
            { source: l2Initrd, target: `${L2_DIR}/initramfs.cpio` },
        ],
        checks: nestedChecks(options, modules),
    };
}
/** The modules folder that setup-host.sh unpacks beside a Debian vmlinux-<kver>, if there is one. */
function modulesBesideKernel(kernel) {
    const kver = /^vmlinu[xz]-(.+)$/.exec((0,external_node_path_namespaceObject.basename)(kernel))?.[1];
    const dir = kver ? (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(kernel), 'modules', kver) : undefined;
    return dir && (0,external_node_fs_namespaceObject.existsSync)(dir) ? dir : undefined;
}

;// CONCATENATED MODULE: ./src/guest/machine.ts
/** pseries,key=value,… from the probe and the request. */
function machineOptions(probe, request) {
    let machine = 'pseries';
    if (request.accel === 'kvm')
        machine = withOption(machine, 'accel=kvm');
    if (request.accel === 'kvm')
        machine = withOption(machine, 'kvm-type=HV');
    // Direct kernel boot: VOF instead of SLOF saves seconds per boot.
    if (request.firmware !== 'slof')
        machine = withOption(machine, 'x-vof=on');
    // A host without XIVE (POWER8, or XIVE off) can only give the guest XICS.
    if (request.accel === 'kvm' && probe.xive === false)
        machine = withOption(machine, 'ic-mode=xics');
    // An older guest generation on a newer host: the host CPU in compatibility mode.
    const host = probe.generation?.toLowerCase();
    if (request.accel === 'kvm' && host && request.cpu !== 'host' && request.cpu !== host)
        machine = withOption(machine, `max-cpu-compat=${request.cpu}`);
    if (request.nested)
        machine = withOption(machine, 'cap-nested-hv=on');
    for (const option of request.extra)
        machine = withOption(machine, option);
    return machine;
}
/** Sets key=value in a machine string, replacing an earlier value of the same key. */
function withOption(machine, option) {
    const [type, ...options] = machine.split(',');
    const key = option.split('=')[0];
    return [type, ...options.filter((existing) => existing.split('=')[0] !== key), option].join(',');
}
/** The -cpu of a request: under KVM with an older generation, the host CPU in compat mode. */
function cpuModel(probe, request) {
    if (request.accel !== 'kvm')
        return request.cpu === 'host' ? 'power9' : request.cpu;
    const host = probe.generation?.toLowerCase();
    return request.cpu === 'host' || (host && request.cpu !== host) ? 'host' : request.cpu;
}
const SUGGESTION = /try appending -machine ([a-z0-9-]+=[a-z0-9]+)/i;
const IRQCHIP = /kernel_irqchip requested but unavailable|IRQ_XIVE capability must be present/i;
/** The setting QEMU's refusal suggests, if it suggests one. */
function suggestedOption(output) {
    const suggestion = SUGGESTION.exec(output)?.[1];
    if (suggestion)
        return suggestion.toLowerCase();
    if (IRQCHIP.test(output))
        return 'kernel-irqchip=off';
    return undefined;
}
/**
 * Runs `start` with the machine, and again with each setting QEMU suggests, at most `limit`
 * times; a refusal without a suggestion, or a suggestion already tried, ends it.
 */
async function negotiate(machine, start, refusalOf, attempts = [], limit = 5) {
    let current = machine;
    for (;;) {
        try {
            const result = await start(current);
            attempts.push({ machine: current });
            return { result, attempts };
        }
        catch (error) {
            const refusal = refusalOf(error);
            const fix = refusal ? suggestedOption(refusal) : undefined;
            const next = fix ? withOption(current, fix) : undefined;
            attempts.push({ machine: current, ...(refusal ? { refusal } : {}), ...(fix ? { fix } : {}) });
            if (!next || next === current || attempts.length >= limit || attempts.some((a) => a.machine === next))
                throw error;
            current = next;
        }
    }
}

;// CONCATENATED MODULE: ./src/guest/libvirt.ts
/**
 * The libvirt launcher: the guest defined as a libvirt domain the way OpenStack nova defines
 * ppc64 guests (pseries, virtio network, USB keyboard, mouse and tablet on an XHCI controller,
 * the capability levels and nested-hv as <features>), started with virsh, its console written to
 * a file that is parsed live exactly as with the qemu launcher.
 */





const libvirt_xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
/** pseries capabilities libvirt models as <features>: option → element. */
const STATE_FEATURES = {
    'cap-nested-hv': 'nested-hv',
    'cap-htm': 'htm',
    'cap-ccf-assist': 'ccf-assist',
};
const VALUE_FEATURES = { 'cap-cfpc': 'cfpc', 'cap-sbbc': 'sbbc', 'cap-ibs': 'ibs' };
/** Splits the machine string into the domain type, libvirt features and raw -machine options. */
function machineToDomain(machine) {
    const [, ...options] = machine.split(',');
    let type = 'qemu';
    const features = [];
    const raw = [];
    for (const option of options) {
        const [key = '', value = ''] = option.split('=');
        if (key === 'accel')
            type = value === 'kvm' ? 'kvm' : 'qemu';
        else if (key === 'kvm-type')
            continue; // libvirt picks HV for a kvm domain
        else if (STATE_FEATURES[key])
            features.push(`<${STATE_FEATURES[key]} state='${value === 'on' ? 'on' : 'off'}'/>`);
        else if (VALUE_FEATURES[key])
            features.push(`<${VALUE_FEATURES[key]} value='${libvirt_xml(value)}'/>`);
        else
            raw.push(option);
    }
    return { type, features, raw };
}
function domainXml(options) {
    const { type, features, raw } = machineToDomain(options.machine);
    const cpu = options.cpu === 'host'
        ? "<cpu mode='host-passthrough'/>"
        : `<cpu mode='custom' match='exact' check='none'><model fallback='forbid'>${libvirt_xml(options.cpu.toUpperCase())}</model></cpu>`;
    return [
        `<domain type='${type}' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>`,
        `  <name>${libvirt_xml(options.name)}</name>`,
        `  <memory unit='MiB'>${options.memoryMb}</memory>`,
        `  <vcpu>${options.smp}</vcpu>`,
        '  <os>',
        "    <type arch='ppc64le' machine='pseries'>hvm</type>",
        `    <kernel>${libvirt_xml(options.kernel)}</kernel>`,
        `    <initrd>${libvirt_xml(options.initrd)}</initrd>`,
        `    <cmdline>${libvirt_xml(options.append ?? 'console=hvc0 panic=-1')}</cmdline>`,
        '  </os>',
        features.length > 0
            ? `  <features>\n${features.map((f) => `    ${f}`).join('\n')}\n  </features>`
            : '  <features/>',
        `  ${cpu}`,
        '  <on_poweroff>destroy</on_poweroff>',
        '  <on_reboot>destroy</on_reboot>',
        '  <on_crash>destroy</on_crash>',
        '  <devices>',
        `    <emulator>${libvirt_xml(options.qemu)}</emulator>`,
        // As nova: USB input devices on an XHCI controller, virtio network (no option ROM: none on ppc64).
        "    <controller type='usb' model='qemu-xhci'/>",
        "    <input type='keyboard' bus='usb'/>",
        "    <input type='mouse' bus='usb'/>",
        "    <input type='tablet' bus='usb'/>",
        "    <interface type='user'><model type='virtio'/><rom enabled='no'/></interface>",
        `    <serial type='file'><source path='${libvirt_xml(options.consoleLog)}'/><target type='spapr-vio-serial' port='0'/></serial>`,
        `    <console type='file'><source path='${libvirt_xml(options.consoleLog)}'/><target type='serial' port='0'/></console>`,
        "    <memballoon model='none'/>",
        '  </devices>',
        ...(raw.length > 0
            ? [
                '  <qemu:commandline>',
                "    <qemu:arg value='-machine'/>",
                `    <qemu:arg value='${libvirt_xml(raw.join(','))}'/>`,
                '  </qemu:commandline>',
            ]
            : []),
        '</domain>',
        '',
    ].join('\n');
}
function virsh(uri, ...args) {
    return exec(['virsh', '-c', uri, ...args], { allowFailure: true });
}
/** Whether the domain still exists (a transient domain disappears when it stops). */
async function running(uri, name) {
    const state = await virsh(uri, 'domstate', name);
    return state.exitCode === 0 && !/shut off|crashed/.test(state.stdout);
}
/** qemu's pid as libvirt records it, for the post step. */
function libvirtQemuPid(name) {
    const file = `/run/libvirt/qemu/${name}.pid`;
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        return undefined;
    const pid = Number((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}
/** Boots through libvirt: virsh create, the console file followed until the guest is gone. */
async function bootWithLibvirt(options, domainFile) {
    const { uri, name } = options;
    let stopped = false;
    const stop = () => {
        stopped = true;
    };
    const session = new ConsoleSession(options, stop);
    const create = await virsh(uri, 'create', domainFile);
    if (create.exitCode !== 0) {
        const said = (create.stderr || create.stdout).trim();
        // virsh says "Failed to create domain" first and why after it.
        const why = said.split('\n').find((line) => line.trim() && !/Failed to create domain/.test(line)) ?? said;
        throw new QemuStartError(`virsh could not start the guest: ${why.replace(/^error:\s*/, '')}`, said);
    }
    const pid = libvirtQemuPid(name);
    if (pid)
        options.onStart?.(pid);
    const deadline = Date.now() + options.bootTimeoutMs;
    let offset = 0;
    let partial = '';
    const drain = () => {
        if (!(0,external_node_fs_namespaceObject.existsSync)(options.consoleLog))
            return;
        const size = (0,external_node_fs_namespaceObject.statSync)(options.consoleLog).size;
        if (size <= offset)
            return;
        const fd = (0,external_node_fs_namespaceObject.openSync)(options.consoleLog, 'r');
        const buffer = Buffer.alloc(size - offset);
        (0,external_node_fs_namespaceObject.readSync)(fd, buffer, 0, buffer.length, offset);
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        offset = size;
        const lines = (partial + buffer.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines)
            session.feed(line);
    };
    let timedOut = false;
    for (;;) {
        drain();
        if (stopped || options.signal?.aborted)
            break;
        if (Date.now() > deadline) {
            timedOut = true;
            break;
        }
        if (!(await running(uri, name)))
            break;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (await running(uri, name))
        await virsh(uri, 'destroy', name);
    drain();
    if (partial)
        session.feed(partial);
    if (options.signal?.aborted)
        throw new InfrastructureError('cancelled: the guest was stopped');
    return session.finish(['virsh', '-c', uri, 'create', domainFile], () => timedOut
        ? new TestFailure(`guest did not reach its ready marker within ${formatDuration(options.bootTimeoutMs)}`)
        : new TestFailure('guest stopped before its ready marker'));
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:fs/promises"
const external_node_fs_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/net/download.ts
/** Reading URLs (http, https, file) with retries and backoff for the transient failures mirrors have. */



async function readUrl(url, options = {}) {
    if (url.startsWith('file://')) {
        try {
            return await (0,external_node_fs_promises_namespaceObject.readFile)((0,external_node_url_namespaceObject.fileURLToPath)(url));
        }
        catch (error) {
            throw new InfrastructureError(`cannot read ${url}: ${error.message}`);
        }
    }
    const retries = options.retries ?? 3;
    const fetchImpl = options.fetchImpl ?? fetch;
    let lastError = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
        if (attempt > 0)
            await delay((options.backoffMs ?? 1000) * 2 ** (attempt - 1), options.signal);
        try {
            const response = await fetchImpl(url, options.signal ? { signal: options.signal } : {});
            if (response.ok)
                return Buffer.from(await response.arrayBuffer());
            lastError = `HTTP ${response.status}`;
            // A client error other than throttling will not change on retry.
            if (response.status >= 400 && response.status < 500 && response.status !== 429)
                break;
        }
        catch (error) {
            if (options.signal?.aborted)
                throw error;
            lastError = error.message;
        }
    }
    throw new InfrastructureError(`download of ${url} failed: ${lastError}`);
}
function delay(ms, signal) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason);
        }, { once: true });
    });
}
/** Joins a base URL (with or without a trailing slash) and a relative path. */
function joinUrl(base, relative) {
    return new URL(relative, base.endsWith('/') ? base : `${base}/`).href;
}

;// CONCATENATED MODULE: ./src/guest/image.ts
/**
 * Disk-image guests (scenario: image): the image fetched once and cached, verified against its
 * CHECKSUM file (GNU or BSD lines, optionally signed), always run on a qcow2 overlay so the
 * cached base never changes, with a cloud-init NoCloud seed (volume label cidata) that carries
 * an SSH key made for this run; the checks then run over SSH through a forwarded port.
 */










const DEFAULT_IMAGE = 'https://repo.almalinux.org/almalinux/9/cloud/ppc64le/images/AlmaLinux-9-GenericCloud-latest.ppc64le.qcow2';
/** CHECKSUM lines: GNU (`<hash>  <file>`, `<hash> *<file>`) or BSD-tagged (`SHA256 (<file>) = <hash>`). */
function parseChecksums(text) {
    const entries = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        const bsd = /^(SHA256|SHA512) \((.+)\) = ([0-9a-fA-F]+)$/.exec(line);
        if (bsd) {
            entries.push({
                file: bsd[2],
                algorithm: bsd[1].toLowerCase(),
                hash: bsd[3].toLowerCase(),
            });
            continue;
        }
        const gnu = /^([0-9a-fA-F]{64}|[0-9a-fA-F]{128})\s+\*?(.+)$/.exec(line);
        if (gnu)
            entries.push({
                file: gnu[2],
                algorithm: gnu[1].length === 64 ? 'sha256' : 'sha512',
                hash: gnu[1].toLowerCase(),
            });
    }
    return entries;
}
function checksumFor(text, file, source) {
    const entry = parseChecksums(text).find((e) => e.file === file || (0,external_node_path_namespaceObject.basename)(e.file) === file);
    if (!entry) {
        throw new ConfigurationError(`${source} lists no checksum for ${file}; expected a line '<sha256>  ${file}' or 'SHA256 (${file}) = <sha256>'`);
    }
    return entry;
}
async function hashFile(path, algorithm) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)(algorithm);
    await (0,promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(path), hash);
    return hash.digest('hex');
}
/** Verifies CHECKSUM against its detached (or clear-signed) signature with one given key only. */
async function verifyChecksumSignature(checksumFile, signatureFile, armoredKey, workDir) {
    const home = (0,external_node_path_namespaceObject.join)(workDir, 'gnupg-checksum');
    (0,external_node_fs_namespaceObject.mkdirSync)(home, { recursive: true, mode: 0o700 });
    const env = { GNUPGHOME: home };
    try {
        await exec(['gpg', '--batch', '--quiet', '--import'], { env, input: armoredKey });
        const result = await exec(['gpg', '--batch', '--status-fd', '1', '--verify', signatureFile, checksumFile], {
            env,
            allowFailure: true,
        });
        if (result.exitCode !== 0 || !/\[GNUPG:\] GOODSIG/.test(result.stdout)) {
            throw new TestFailure(`${(0,external_node_path_namespaceObject.basename)(signatureFile)} is not a good signature of ${(0,external_node_path_namespaceObject.basename)(checksumFile)} by the given key`);
        }
    }
    finally {
        await exec(['gpgconf', '--kill', 'all'], { env, allowFailure: true });
    }
}
async function downloadFile(url, target, signal) {
    const partial = `${target}.part`;
    if (url.startsWith('file://')) {
        await (0,promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)((0,external_node_url_namespaceObject.fileURLToPath)(url)), (0,external_node_fs_namespaceObject.createWriteStream)(partial));
    }
    else {
        const response = await fetch(url, signal ? { signal } : {});
        if (!response.ok || !response.body)
            throw new InfrastructureError(`download of ${url} failed: HTTP ${response.status}`);
        await (0,promises_namespaceObject.pipeline)(external_node_stream_namespaceObject.Readable.fromWeb(response.body), (0,external_node_fs_namespaceObject.createWriteStream)(partial));
    }
    (0,external_node_fs_namespaceObject.renameSync)(partial, target);
}
/** The base image, verified, from the cache or freshly downloaded (atomically into the cache). */
async function fetchImage(request) {
    const isUrl = /^(https?|file):\/\//.test(request.image);
    const name = (0,external_node_path_namespaceObject.basename)(isUrl ? new URL(request.image).pathname : request.image);
    const checksumLocation = request.checksum ?? (isUrl ? new URL('CHECKSUM', request.image).href : undefined);
    if (!checksumLocation) {
        if (!(0,external_node_fs_namespaceObject.existsSync)(request.image))
            throw new ConfigurationError(`Input 'image' names ${request.image}, which does not exist`);
        return { path: request.image, sha256OrSha512: await hashFile(request.image, 'sha256'), cached: false };
    }
    const checksumText = /^(https?|file):\/\//.test(checksumLocation)
        ? (await readUrl(checksumLocation, request.signal ? { signal: request.signal } : {})).toString('utf8')
        : (0,external_node_fs_namespaceObject.readFileSync)(checksumLocation, 'utf8');
    if (request.signingKey) {
        const checksumFile = (0,external_node_path_namespaceObject.join)(request.workDir, 'CHECKSUM');
        const signatureFile = `${checksumFile}.asc`;
        (0,external_node_fs_namespaceObject.writeFileSync)(checksumFile, checksumText);
        const signature = /^(https?|file):\/\//.test(checksumLocation)
            ? await readUrl(`${checksumLocation}.asc`)
            : (0,external_node_fs_namespaceObject.readFileSync)(`${checksumLocation}.asc`);
        (0,external_node_fs_namespaceObject.writeFileSync)(signatureFile, signature);
        await verifyChecksumSignature(checksumFile, signatureFile, request.signingKey, request.workDir);
    }
    const entry = checksumFor(checksumText, name, checksumLocation);
    if (!isUrl) {
        const actual = await hashFile(request.image, entry.algorithm);
        if (actual !== entry.hash)
            throw new TestFailure(`${request.image} has ${entry.algorithm} ${actual}, but ${checksumLocation} says ${entry.hash}`);
        return { path: request.image, sha256OrSha512: actual, cached: false };
    }
    const dir = (0,external_node_path_namespaceObject.join)(request.cacheDir, 'images');
    (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
    const cached = (0,external_node_path_namespaceObject.join)(dir, `${entry.hash}-${name}`);
    if ((0,external_node_fs_namespaceObject.existsSync)(cached)) {
        request.log?.info(`Image ${name} from the cache (${entry.algorithm} ${entry.hash})`);
        return { path: cached, sha256OrSha512: entry.hash, cached: true };
    }
    const fresh = (0,external_node_path_namespaceObject.join)(dir, `.${entry.hash}-${process.pid}-${name}`);
    await downloadFile(request.image, fresh, request.signal);
    const actual = await hashFile(fresh, entry.algorithm);
    if (actual !== entry.hash) {
        (0,external_node_fs_namespaceObject.rmSync)(fresh, { force: true });
        throw new TestFailure(`${request.image} downloaded with ${entry.algorithm} ${actual}, but ${checksumLocation} says ${entry.hash}`);
    }
    (0,external_node_fs_namespaceObject.renameSync)(fresh, cached);
    return { path: cached, sha256OrSha512: actual, cached: false };
}
/** A qcow2 overlay on the base: the guest writes there, never to the cached image. */
async function createOverlay(base, overlay) {
    const info = await exec(['qemu-img', 'info', '--output=json', base]);
    const format = JSON.parse(info.stdout).format;
    await exec(['qemu-img', 'create', '-q', '-f', 'qcow2', '-F', format, '-b', base, overlay]);
}
/** cloud-init NoCloud seed: an ISO9660 volume labelled cidata with user-data and meta-data. */
async function createSeed(dir, options) {
    const files = (0,external_node_path_namespaceObject.join)(dir, 'seed');
    (0,external_node_fs_namespaceObject.mkdirSync)(files, { recursive: true });
    (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(files, 'user-data'), [
        '#cloud-config',
        'users:',
        `  - name: ${options.user}`,
        '    sudo: ALL=(ALL) NOPASSWD:ALL',
        '    lock_passwd: true',
        '    ssh_authorized_keys:',
        `      - ${options.sshPublicKey.trim()}`,
        'ssh_pwauth: false',
        '',
    ].join('\n'));
    (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(files, 'meta-data'), `instance-id: ${options.instanceId}\nlocal-hostname: ${options.hostname}\n`);
    const iso = (0,external_node_path_namespaceObject.join)(dir, 'seed.iso');
    await exec([
        'xorriso',
        '-as',
        'mkisofs',
        '-quiet',
        '-volid',
        'cidata',
        '-joliet',
        '-rock',
        '-o',
        iso,
        files,
    ]);
    return iso;
}
/** An SSH key pair for this run only. */
async function runSshKey(dir) {
    const privateKey = (0,external_node_path_namespaceObject.join)(dir, 'ssh-key');
    await exec(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'kvm-actions-run', '-f', privateKey]);
    return { privateKey, publicKey: (0,external_node_fs_namespaceObject.readFileSync)(`${privateKey}.pub`, 'utf8').trim() };
}
/** The qemu command of an image guest: SLOF boots the disk; virtio disk and network; the seed on vSCSI. */
function imageQemuArgv(options) {
    return [
        ...guestQemuArgs(options),
        '-drive',
        `file=${options.overlay},if=none,id=disk0,format=qcow2`,
        '-device',
        'virtio-blk-pci,drive=disk0,bootindex=0',
        '-drive',
        `file=${options.seed},if=none,id=seed0,format=raw,media=cdrom,readonly=on`,
        '-device',
        'spapr-vscsi,id=scsi0',
        '-device',
        'scsi-cd,drive=seed0,bus=scsi0.0',
        '-netdev',
        `user,id=net0,hostfwd=tcp:127.0.0.1:${options.sshPort}-:22`,
        '-device',
        'virtio-net-pci,netdev=net0,romfile=',
        ...(options.pidFile ? ['-pidfile', options.pidFile] : []),
    ];
}
/** cloud-init's final line and a login prompt: the image guest is ready. */
const IMAGE_READY_MARKERS = [/Cloud-init v\. \S+ finished at/, /^\S+ login: ?$/];
function sshArgv(target, command) {
    return [
        'ssh',
        '-i',
        target.privateKey,
        '-p',
        String(target.port),
        '-o',
        'BatchMode=yes',
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'LogLevel=ERROR',
        '-o',
        'ConnectTimeout=10',
        `${target.user}@127.0.0.1`,
        command,
    ];
}
/** Runs one check in the guest over SSH: its output (stdout and stderr) and exit code. */
async function sshCheck(target, check, timeoutMs) {
    const result = await exec(sshArgv(target, check.command), {
        allowFailure: true,
        timeoutMs,
    });
    return {
        name: check.name,
        exitCode: result.timedOut ? 124 : (result.exitCode ?? 255),
        output: result.stdout + result.stderr,
    };
}
/** Waits until sshd in the guest takes the run's key (cloud-init may still be writing it). */
async function waitForSsh(target, timeoutMs, signal) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const probe = await exec(sshArgv(target, 'true'), {
            allowFailure: true,
            timeoutMs: 15_000,
        });
        if (probe.exitCode === 0)
            return;
        if (Date.now() > deadline || signal?.aborted) {
            throw new TestFailure(`the guest did not accept SSH on port ${target.port} in time: ${(probe.stderr || probe.stdout).trim().split('\n').at(-1) ?? ''}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
    }
}
/** Powers the guest off from inside (graceful); the caller kills it when that does not happen. */
async function sshPoweroff(target) {
    await exec(sshArgv(target, 'sudo systemctl poweroff || sudo poweroff'), {
        allowFailure: true,
        timeoutMs: 20_000,
    });
}
/** Boots the image to cloud-init's final line, runs the checks over SSH, then powers it off. */
async function bootImage(options) {
    const argv = imageQemuArgv(options);
    const stop = new AbortController();
    options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
    let ready = () => undefined;
    const readyOrGone = new Promise((resolve) => (ready = resolve));
    const session = new ConsoleSession({
        markers: options.markers ?? IMAGE_READY_MARKERS,
        shutdownTimeoutMs: options.shutdownTimeoutMs,
        holdShutdown: true,
        onReady: () => ready(),
    }, () => stop.abort());
    const running = exec(argv, {
        ...(options.onStart ? { onSpawn: options.onStart } : {}),
        timeoutMs: options.bootTimeoutMs +
            options.checkTimeoutMs * Math.max(1, options.checks.length) +
            options.shutdownTimeoutMs,
        killGraceMs: 5000,
        allowFailure: true,
        logFile: options.consoleLog,
        signal: stop.signal,
        onLine: (line) => session.feed(line),
    });
    void running.then(() => ready());
    const bootTimer = setTimeout(() => stop.abort(), options.bootTimeoutMs);
    await readyOrGone;
    clearTimeout(bootTimer);
    if (session.timeline.ready !== undefined && !stop.signal.aborted) {
        const target = { port: options.sshPort, user: options.user, privateKey: options.privateKey };
        try {
            await waitForSsh(target, options.bootTimeoutMs, stop.signal);
            for (const check of options.checks)
                session.checks.push(await sshCheck(target, check, options.checkTimeoutMs));
            await sshPoweroff(target);
        }
        finally {
            session.startShutdown();
        }
    }
    const result = await running;
    if (options.signal?.aborted)
        throw new InfrastructureError('cancelled: the guest was stopped');
    return session.finish(argv, () => {
        if (!session.sawKernel && result.exitCode !== null && result.exitCode !== 0 && !result.timedOut) {
            const said = (result.stderr + result.stdout).trim().split('\n');
            return new QemuStartError(`${options.qemu} could not start the guest: ${said.find((l) => /: (?!warning:)/.test(l)) ?? said.at(-1)}`, said.join('\n'));
        }
        return new TestFailure('the image guest did not reach cloud-init’s final line or a login prompt in time');
    });
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/net/port.ts
/** Ports on loopback for guests (forwarded SSH) and test servers. */

/** A TCP port on 127.0.0.1 that was free a moment ago. */
async function freePort() {
    const server = (0,external_node_net_namespaceObject.createServer)();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

;// CONCATENATED MODULE: ./src/fs/glob.ts
/** Globs with `*` and `?` inside path segments (no `**`): enough for RPM and config file names. */


const hasGlob = (pattern) => /[*?]/.test(pattern);
function segmentMatcher(segment) {
    const body = segment
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]');
    return new RegExp(`^${body}$`);
}
/** Existing paths matching pattern (relative patterns resolve against base), sorted. */
function expandGlob(pattern, base = '.') {
    let paths = [(0,external_node_path_namespaceObject.isAbsolute)(pattern) ? '/' : base];
    for (const segment of pattern.split('/').filter(Boolean)) {
        if (!hasGlob(segment)) {
            paths = paths.map((dir) => (0,external_node_path_namespaceObject.join)(dir, segment)).filter((candidate) => (0,external_node_fs_namespaceObject.existsSync)(candidate));
            continue;
        }
        const matcher = segmentMatcher(segment);
        paths = paths.flatMap((dir) => (0,external_node_fs_namespaceObject.existsSync)(dir) && (0,external_node_fs_namespaceObject.statSync)(dir).isDirectory()
            ? (0,external_node_fs_namespaceObject.readdirSync)(dir)
                .filter((name) => matcher.test(name))
                .sort()
                .map((name) => (0,external_node_path_namespaceObject.join)(dir, name))
            : []);
    }
    return paths;
}

;// CONCATENATED MODULE: ./src/rpm/collect.ts
/**
 * The RPMs an action is given: a JSON list (the `rpms` output of build-kernel and patch-qemu),
 * or lines/commas of files, directories (every .rpm below) and globs (`*`, `?` per path segment).
 */





const RPM_SET_FORM = 'a JSON list of RPM paths, or RPM files, directories and globs (such as out/*.rpm), one per line or separated by commas';
function parseRpmPatterns(raw) {
    if (raw.startsWith('[')) {
        let parsed;
        try {
            parsed = JSON.parse(raw);
        }
        catch {
            throw new InvalidValue('not valid JSON');
        }
        if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
            throw new InvalidValue('the JSON is not a list of strings');
        }
        return parsed;
    }
    return raw
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean);
}
function rpmSetInput(options) {
    return custom(options, RPM_SET_FORM, (raw) => parseRpmPatterns(raw));
}
/** Every .rpm below dir (recursively), sorted; none when dir does not exist. */
function rpmsBelow(dir) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(dir))
        return [];
    return (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
        const full = (0,external_node_path_namespaceObject.join)(dir, entry.name);
        if (entry.isDirectory())
            return rpmsBelow(full);
        return entry.isFile() && entry.name.endsWith('.rpm') ? [full] : [];
    });
}
/** Absolute, de-duplicated, sorted paths; a pattern that matches nothing is an error naming it. */
function collectRpms(patterns, workspace, inputName = 'rpms') {
    const found = new Set();
    for (const pattern of patterns) {
        const full = (0,external_node_path_namespaceObject.resolve)(workspace, pattern);
        const matches = hasGlob(pattern) ? expandGlob(full) : (0,external_node_fs_namespaceObject.existsSync)(full) ? [full] : [];
        const rpms = matches.flatMap((match) => ((0,external_node_fs_namespaceObject.statSync)(match).isDirectory() ? rpmsBelow(match) : [match]));
        const notRpm = rpms.find((file) => !file.endsWith('.rpm'));
        if (notRpm)
            throw new ConfigurationError(`Input '${inputName}' names ${notRpm}, which is not an .rpm file`);
        if (rpms.length === 0) {
            throw new ConfigurationError(`Input '${inputName}' entry '${pattern}' matches no RPM; expected ${RPM_SET_FORM}`);
        }
        rpms.forEach((rpm) => found.add(rpm));
    }
    return [...found].sort();
}

;// CONCATENATED MODULE: ./src/rpm/query.ts
/** Reading RPM headers with the rpm program itself, so every answer is rpm's own. */


const FIELDS = '%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCEPACKAGE}\\n';
async function queryPackageFile(file) {
    const { stdout } = await exec(['rpm', '-qp', '--nosignature', '--nodigest', '--qf', FIELDS, file]);
    const [name = '', epoch = '0', version = '', release = '', arch = '', isSource = ''] = stdout
        .trim()
        .split('\t');
    return {
        name,
        ...(epoch !== '0' ? { epoch } : {}),
        version,
        release,
        arch: isSource === '1' ? 'src' : arch,
        nvr: `${name}-${version}-${release}`,
    };
}
/** The files a package contains. */
async function listPackageFiles(file) {
    const { stdout } = await exec(['rpm', '-qp', '--nosignature', '--nodigest', '--list', file]);
    return stdout.split('\n').filter(Boolean);
}
/** One file's content from a package, without installing it (rpm2cpio piped into cpio). */
async function extractPackageFile(file, path) {
    // The script is fixed; the package and the path reach it as positional arguments only.
    const { stdout } = await exec([
        'bash',
        '-c',
        'set -o pipefail; rpm2cpio "$1" | cpio -i --quiet --to-stdout ".$2"',
        'extract',
        file,
        path,
    ]);
    return stdout;
}
/** Unpacks a binary RPM into `dir` with rpm2cpio and cpio: its files, nothing installed. */
async function unpackRpm(rpm, dir, log) {
    (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
    // The script is fixed; the package path reaches it as a positional argument only.
    await exec([
        'bash',
        '-c',
        'set -o pipefail; rpm2cpio "$1" | cpio -idmu --quiet --no-absolute-filenames',
        'unpack',
        rpm,
    ], { cwd: dir, ...(log ? { log } : {}) });
}

;// CONCATENATED MODULE: ./src/guest/from-rpms.ts
/**
 * The kernel and the emulator under test straight from their RPMs (build-kernel's and
 * patch-qemu's outputs): unpacked with rpm2cpio into private folders, never installed, so the
 * runner's own qemu and kernel stay untouched.
 */




const KERNEL_PACKAGES = /^kernel(-core|-modules|-modules-core|-modules-extra|-kvm)?$/;
async function kernelFromRpms(rpms, dir, log) {
    const chosen = [];
    for (const rpm of rpms) {
        const header = await queryPackageFile(rpm);
        if (header.arch !== 'src' && KERNEL_PACKAGES.test(header.name))
            chosen.push(rpm);
    }
    for (const rpm of chosen)
        await unpackRpm(rpm, dir, log);
    const modules = (0,external_node_path_namespaceObject.join)(dir, 'lib', 'modules');
    const kverrel = (0,external_node_fs_namespaceObject.existsSync)(modules) ? (0,external_node_fs_namespaceObject.readdirSync)(modules).sort().at(-1) : undefined;
    const candidates = kverrel
        ? [
            (0,external_node_path_namespaceObject.join)(modules, kverrel, 'vmlinuz'),
            (0,external_node_path_namespaceObject.join)(dir, 'boot', `vmlinux-${kverrel}`),
            (0,external_node_path_namespaceObject.join)(dir, 'boot', `vmlinuz-${kverrel}`),
        ]
        : [];
    const kernel = candidates.find((file) => (0,external_node_fs_namespaceObject.existsSync)(file));
    if (!kverrel || !kernel) {
        throw new ConfigurationError(`Input 'kernel-rpms' holds no kernel image (${chosen.length} kernel package(s) unpacked); expected kernel-core with /lib/modules/<kver>/vmlinuz`);
    }
    return { kernel, modulesDir: (0,external_node_path_namespaceObject.join)(modules, kverrel), kverrel };
}
async function qemuFromRpms(rpms, dir, log) {
    for (const rpm of rpms.filter((file) => !file.endsWith('.src.rpm')))
        await unpackRpm(rpm, dir, log);
    const qemu = (0,external_node_path_namespaceObject.join)(dir, 'usr', 'libexec', 'qemu-kvm');
    if (!(0,external_node_fs_namespaceObject.existsSync)(qemu)) {
        throw new ConfigurationError("Input 'qemu-rpms' holds no /usr/libexec/qemu-kvm; expected patch-qemu's qemu-kvm-core RPM among them");
    }
    return { qemu, firmwareDir: (0,external_node_path_namespaceObject.join)(dir, 'usr', 'share', 'qemu-kvm') };
}

;// CONCATENATED MODULE: ./src/guest/action.ts
/** boot-test-guest: boot guests under KVM on POWER (emulation elsewhere) and report like a kernel CI. */

















const NESTED_L2_MEMORY_MB = 512;
const NESTED_L1_MIN_MEMORY_MB = 2048;
const bootTestGuest = defineAction({
    name: 'boot-test-guest',
    title: 'Boot-test guest',
    description: 'Boot ppc64le guests under KVM on POWER (emulation elsewhere), run checks inside, and report.',
    inputs: {
        scenario: oneOf({
            description: '`kernel`: direct boot of a kernel with a generated busybox initramfs that runs the checks. `nested`: the kernel boots as an L1 hypervisor (cap-nested-hv=on), loads kvm_hv and must start an L2 guest under KVM; the checks then run in L1. `image`: a cloud disk image with a cloud-init seed; the checks run over SSH.',
            values: ['kernel', 'nested', 'image'],
            required: true,
        }),
        kernel: path({
            description: 'kernel and nested: the ppc64le kernel image (vmlinux) to boot: build-kernel’s, or /var/cache/kvm-actions/guest-kernel/vmlinux-* that scripts/setup-host.sh fetches.',
            mustExist: 'file',
        }),
        'kernel-rpms': rpmSetInput({
            description: 'kernel and nested: build-kernel’s RPMs (paths, globs or folders); kernel-core and the module packages are unpacked (not installed) and booted instead of kernel.',
        }),
        'qemu-rpms': rpmSetInput({
            description: 'patch-qemu’s qemu-kvm RPMs (paths, globs or folders), unpacked into a private folder and run from there with their own firmware instead of qemu.',
        }),
        image: string({
            description: 'image: the disk image, a URL (cached across runs by checksum) or a path; the guest always runs on a qcow2 overlay.',
            default: DEFAULT_IMAGE,
        }),
        'image-checksum': string({
            description: 'image: the CHECKSUM file (GNU or BSD lines), URL or path; by default CHECKSUM beside the image URL.',
        }),
        'image-checksum-key': string({
            description: 'image: an armored public key; CHECKSUM.asc must then be its good signature of CHECKSUM.',
        }),
        'image-user': string({
            description: 'image: the user cloud-init gives this run’s SSH key (the image’s default user).',
            default: 'almalinux',
            pattern: /^[a-z_][a-z0-9_-]*$/,
            accepted: 'a user name such as almalinux',
        }),
        busybox: path({
            description: 'A static ppc64le busybox for the generated initramfs.',
            mustExist: 'file',
            default: '/var/cache/kvm-actions/guest-busybox/bin/busybox',
        }),
        modules: path({
            description: 'nested: the kernel’s modules (such as /lib/modules/<kver>), holding kvm.ko and kvm-hv.ko; by default the modules folder setup-host.sh unpacks beside the kernel.',
            mustExist: 'directory',
        }),
        'nested-qemu': path({
            description: 'nested: a ppc64le qemu-system-ppc64 with its libraries (bin/, lib/ with ld64.so.2, share/vof.bin) to run L2 inside L1.',
            mustExist: 'directory',
            default: GUEST_QEMU_DIR,
        }),
        'l2-kernel': path({
            description: 'nested: the L2 guest kernel; by default the same kernel.',
            mustExist: 'file',
        }),
        'l2-timeout': duration({
            description: 'nested: time allowed inside L1 for the L2 guest to reach its marker.',
            default: '5m',
        }),
        'ready-markers': custom({
            description: 'Extra regular expressions, one per line, that also mark the guest ready (added to the defaults: the generated init’s marker, or cloud-init’s final line and a login prompt).',
        }, 'regular expressions, one per line', (raw) => raw
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((source) => {
            try {
                return new RegExp(source);
            }
            catch (error) {
                throw new InvalidValue(error.message);
            }
        })),
        'machine-options': list({
            description: 'Extra pseries options (key=value) applied after those derived from the host probe, such as cap-ccf-assist=off.',
            item: /^[a-z0-9-]+=[A-Za-z0-9._-]+$/,
            itemAccepted: 'key=value machine options',
        }),
        checks: list({
            description: 'Checks run inside the guest, one per line as `name: command` (busybox sh).',
            item: /^[A-Za-z0-9_.-]+:\s*\S/,
            itemAccepted: '`name: command` entries',
        }),
        qemu: string({ description: 'The QEMU system emulator to run.', default: 'qemu-system-ppc64' }),
        launcher: oneOf({
            description: '`qemu` runs the emulator directly; `libvirt` defines the guest as a libvirt domain the way OpenStack nova does on ppc64le (USB input devices, virtio network, capability levels as <features>) and starts it with virsh.',
            values: ['qemu', 'libvirt'],
            default: 'qemu',
        }),
        'libvirt-uri': string({
            description: 'The libvirt connection for launcher: libvirt.',
            default: 'qemu:///system',
        }),
        cpu: oneOf({
            description: 'The guest CPU model.',
            values: ['power9', 'power10', 'host'],
            default: 'power9',
        }),
        memory: integer({ description: 'Guest memory in MiB.', default: '1024', min: 256, max: 262144 }),
        smp: integer({ description: 'Guest CPUs.', default: '1', min: 1, max: 256 }),
        accel: oneOf({
            description: '`auto` uses KVM when usable and otherwise emulation (with a warning); `kvm` fails without KVM.',
            values: ['auto', 'kvm', 'tcg'],
            default: 'auto',
        }),
        'boot-timeout': duration({
            description: 'Time allowed from start to the ready marker.',
            default: '10m',
        }),
        'check-timeout': duration({
            description: 'Time allowed for each check inside the guest; a check that takes longer fails.',
            default: '5m',
        }),
        'shutdown-timeout': duration({
            description: 'Time allowed after the ready marker for the guest to power off before it is killed.',
            default: '30s',
        }),
        'results-dir': path({
            description: 'Where the console log, qemu command line, probe and results are written.',
            default: 'kvm-actions-results/boot-test-guest',
            insideWorkspace: true,
        }),
    },
    outputs: {
        result: 'pass, fail (the guest or a check failed) or error (the runner could not run the guest).',
        checks: 'JSON list of the checks: name, exit code, output.',
        accel: 'The accelerator used: kvm or tcg.',
        probe: 'JSON description of the host: architecture, CPU generation, platform, /dev/kvm, kvm_hv, nested, XIVE, SMT, hugepages.',
        machine: 'The -M pseries options the guest ran with, after any capability settings QEMU asked for.',
        'results-dir': 'Absolute path of the results folder, ready for upload-artifact.',
    },
    async main(ctx) {
        const { inputs, setOutput, summary, annotate, state } = ctx;
        if (inputs.scenario === 'image' && inputs.launcher === 'libvirt') {
            throw new ConfigurationError("Input 'launcher' is libvirt, which boots scenarios kernel and nested; expected launcher qemu for scenario image");
        }
        const tools = requireTools([
            ...(inputs.qemuRpms?.length ? ['rpm2cpio'] : [inputs.qemu]),
            'cpio',
            ...(inputs.launcher === 'libvirt' ? ['virsh'] : []),
            ...(inputs.scenario === 'image' ? ['qemu-img', 'xorriso', 'ssh', 'ssh-keygen'] : []),
        ]);
        const probe = probeHost();
        const { accel, reason } = chooseAccel(inputs.accel, probe);
        if (reason && inputs.accel === 'kvm')
            throw new InfrastructureError(`accel is kvm but KVM is not usable: ${reason}`);
        if (reason)
            annotate('warning', `KVM is not usable (${reason}); guests run under emulation (TCG), much slower.`);
        const work = createWorkDir(state, 'guest');
        (0,external_node_fs_namespaceObject.mkdirSync)(inputs.resultsDir, { recursive: true });
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(inputs.resultsDir, 'probe.json'), JSON.stringify(probe, null, 2) + '\n');
        setOutput('accel', accel);
        setOutput('probe', probe);
        setOutput('results-dir', inputs.resultsDir);
        const checks = inputs.checks.map((entry) => {
            const colon = entry.indexOf(':');
            return {
                name: entry.slice(0, colon).trim(),
                command: entry.slice(colon + 1).trim(),
                timeoutSeconds: Math.ceil(inputs.checkTimeout / 1000),
            };
        });
        const nested = inputs.scenario === 'nested';
        const image = inputs.scenario === 'image';
        const kernelRpms = collectRpms(inputs.kernelRpms ?? [], ctx.workspace, 'kernel-rpms');
        const unpackedKernel = kernelRpms.length > 0 ? await kernelFromRpms(kernelRpms, (0,external_node_path_namespaceObject.join)(work, 'kernel-root'), ctx.log) : undefined;
        const qemuRpms = collectRpms(inputs.qemuRpms ?? [], ctx.workspace, 'qemu-rpms');
        const unpackedQemu = qemuRpms.length > 0 ? await qemuFromRpms(qemuRpms, (0,external_node_path_namespaceObject.join)(work, 'qemu-root'), ctx.log) : undefined;
        const kernel = unpackedKernel?.kernel ?? inputs.kernel ?? '';
        if (!image && !kernel) {
            throw new ConfigurationError(`Input 'kernel' (or kernel-rpms) is required for scenario ${inputs.scenario}; expected the path of a ppc64le vmlinux`);
        }
        let initrd = '';
        let imageGuest;
        if (image) {
            const fetched = await fetchImage({
                image: inputs.image,
                ...(inputs.imageChecksum ? { checksum: inputs.imageChecksum } : {}),
                ...(inputs.imageChecksumKey ? { signingKey: inputs.imageChecksumKey } : {}),
                cacheDir: defaultCacheDir(),
                workDir: work,
                log: ctx.log,
                signal: ctx.signal,
            });
            const overlay = (0,external_node_path_namespaceObject.join)(work, 'overlay.qcow2');
            await createOverlay(fetched.path, overlay);
            const key = await runSshKey(work);
            const seed = await createSeed(work, {
                instanceId: (0,external_node_path_namespaceObject.basename)(work),
                hostname: 'kvm-actions-guest',
                user: inputs.imageUser,
                sshPublicKey: key.publicKey,
            });
            imageGuest = {
                overlay,
                seed,
                sshPort: await freePort(),
                user: inputs.imageUser,
                privateKey: key.privateKey,
                checks,
                bootTimeoutMs: inputs.bootTimeout,
                checkTimeoutMs: inputs.checkTimeout,
                shutdownTimeoutMs: inputs.shutdownTimeout,
            };
            summary.paragraph(`Image ${fetched.path}${fetched.cached ? ' (from the cache)' : ''}, verified; the guest writes to an overlay, SSH on 127.0.0.1:${imageGuest.sshPort}.`);
        }
        else if (nested) {
            const modulesDir = inputs.modules ?? unpackedKernel?.modulesDir ?? modulesBesideKernel(kernel);
            if (!modulesDir) {
                throw new ConfigurationError(`Input 'modules' is required for scenario nested: ${kernel} has no modules folder beside it; expected the folder holding kvm.ko and kvm-hv.ko`);
            }
            const payload = await nestedPayload(work, {
                guestQemuDir: inputs.nestedQemu,
                modulesDir,
                l2Kernel: inputs.l2Kernel ?? kernel,
                busybox: inputs.busybox,
                l2MemoryMb: NESTED_L2_MEMORY_MB,
                l2TimeoutSeconds: Math.ceil(inputs.l2Timeout / 1000),
            });
            initrd = await buildInitramfs(work, inputs.busybox, [...payload.checks, ...checks], '', payload.files);
        }
        else {
            initrd = await buildInitramfs(work, inputs.busybox, checks);
        }
        // L1 holds the L2 guest's memory and its own unpacked initramfs (the emulator and L2 kernel).
        const memoryMb = nested ? Math.max(inputs.memory, NESTED_L1_MIN_MEMORY_MB) : inputs.memory;
        const request = {
            accel,
            cpu: inputs.cpu,
            nested,
            firmware: image ? 'slof' : 'vof',
            extra: inputs.machineOptions,
        };
        const options = {
            qemu: unpackedQemu?.qemu ?? inputs.qemu,
            ...(unpackedQemu ? { firmwareDir: unpackedQemu.firmwareDir } : {}),
            kernel,
            initrd,
            machine: machineOptions(probe, request),
            cpu: cpuModel(probe, request),
            memoryMb,
            smp: inputs.smp,
            accel,
            bootTimeoutMs: inputs.bootTimeout,
            shutdownTimeoutMs: inputs.shutdownTimeout,
            pidFile: (0,external_node_path_namespaceObject.join)(work, 'qemu.pid'),
            onStart: (pid) => trackProcess(state, pid),
            consoleLog: (0,external_node_path_namespaceObject.join)(inputs.resultsDir, 'console.log'),
            markers: [
                image ? IMAGE_READY_MARKERS : [new RegExp(`^${READY_MARKER}$`)],
                inputs.readyMarkers ?? [],
            ].flat(),
            log: ctx.log,
            signal: ctx.signal,
        };
        // Each attempt writes the command it runs.
        const commandFile = (0,external_node_path_namespaceObject.join)(inputs.resultsDir, 'qemu-command.txt');
        const attempts = [];
        try {
            const { result } = await negotiate(options.machine, (machine) => {
                if (image) {
                    const guest = { ...options, ...imageGuest, machine };
                    (0,external_node_fs_namespaceObject.writeFileSync)(commandFile, describeArgv(imageQemuArgv(guest)) + '\n');
                    return bootImage(guest);
                }
                if (inputs.launcher === 'libvirt') {
                    // libvirt needs the emulator's full path; the domain name is unique per guest.
                    const domain = {
                        ...options,
                        machine,
                        qemu: unpackedQemu?.qemu ?? tools[inputs.qemu],
                        name: `kvm-actions-${(0,external_node_path_namespaceObject.basename)(work)}`,
                        uri: inputs.libvirtUri,
                    };
                    // libvirt runs qemu as its own user: the work folder (initramfs) must be readable to it.
                    (0,external_node_fs_namespaceObject.chmodSync)(work, 0o755);
                    const file = (0,external_node_path_namespaceObject.join)(inputs.resultsDir, 'domain.xml');
                    (0,external_node_fs_namespaceObject.writeFileSync)(file, domainXml(domain));
                    (0,external_node_fs_namespaceObject.writeFileSync)(commandFile, describeArgv(['virsh', '-c', inputs.libvirtUri, 'create', file]) + '\n');
                    return bootWithLibvirt(domain, file);
                }
                (0,external_node_fs_namespaceObject.writeFileSync)(commandFile, describeArgv(qemuArgv({ ...options, machine })) + '\n');
                return bootGuest({ ...options, machine });
            }, (error) => (error instanceof QemuStartError ? error.output : undefined), attempts);
            setOutput('machine', attempts.at(-1).machine);
            if (result.shutdown === 'killed')
                annotate('warning', `The guest did not power off within ${formatDuration(inputs.shutdownTimeout)}; it was killed.`);
            writeResults(inputs.resultsDir, result);
            setOutput('checks', result.checks);
            const failed = result.checks.filter((check) => check.exitCode !== 0);
            setOutput('result', failed.length > 0 ? 'fail' : 'pass');
            summary.heading('Boot', 3);
            timelineSummary(summary, result.timeline);
            summary.heading('Checks', 3).table(['Check', 'Exit code', 'Output'], result.checks.map((check) => [
                check.name,
                check.exitCode,
                check.output.trim().split('\n').slice(0, 3).join(' / '),
            ]));
            for (const finding of result.findings) {
                ctx.annotate(finding.fatal ? 'error' : 'warning', `${finding.kind}: ${finding.line}`, {
                    title: 'guest console',
                    file: options.consoleLog,
                    startLine: finding.lineNumber,
                });
            }
            if (failed.length > 0)
                throw new TestFailure(`guest checks failed: ${failed.map((c) => `${c.name} (exit code ${c.exitCode})`).join(', ')}`);
        }
        catch (error) {
            if (!(error instanceof TestFailure))
                setOutput('result', 'error');
            else
                setOutput('result', 'fail');
            throw error;
        }
        finally {
            if (attempts.length > 1)
                machineSummary(summary, attempts);
        }
        summary
            .heading('Host', 3)
            .table(['Property', 'Value'], [
            ['Architecture', probe.architecture],
            ['CPU', probe.cpu ?? 'n/a'],
            ['Platform', probe.platform],
            ['/dev/kvm', probe.kvmDevice],
            [
                'kvm_hv',
                probe.kvmHvLoaded
                    ? `loaded${probe.nested !== undefined ? `, nested=${probe.nested}` : ''}`
                    : 'not loaded',
            ],
            ['XIVE', probe.xive === undefined ? 'n/a' : probe.xive ? 'yes' : 'no'],
            ['SMT', probe.smt === undefined ? 'n/a' : probe.smt ? 'on' : 'off'],
            [
                'Hugepages',
                probe.hugepages ? `${probe.hugepages.total} × ${probe.hugepages.sizeKb} KiB` : 'none',
            ],
            ['Scenario', inputs.scenario],
            ['Launcher', inputs.launcher],
            ...(nested ? [['L1 memory', `${memoryMb} MiB (L2: ${NESTED_L2_MEMORY_MB} MiB)`]] : []),
            ['Accelerator', accel + (reason ? ` (${reason})` : '')],
            ['Boot timeout', formatDuration(inputs.bootTimeout)],
        ]);
    },
    post: postCleanUp,
});
/** The machine options tried, what QEMU refused and the setting each retry added. */
function machineSummary(summary, attempts) {
    summary.heading('Machine options', 3).table(['Attempt', '-M', 'QEMU said', 'Next try adds'], attempts.map((attempt, index) => [
        String(index + 1),
        attempt.machine,
        attempt.refusal?.split('\n').find((line) => !/warning:/.test(line)) ?? 'started',
        attempt.fix ?? '',
    ]));
}

;// CONCATENATED MODULE: ./src/rpm/macros.ts
/** rpm's command-line macro arguments, as rpmbuild, rpmspec and mock all take them. */
/** `--define 'name value'` for each macro. */
function defineArgs(defines) {
    return Object.entries(defines).flatMap(([name, value]) => ['--define', `${name} ${value}`]);
}
/** `--with X` / `--without X`: the spec's build conditionals. */
function conditionalArgs(withs = [], withouts = []) {
    return [...withs.flatMap((name) => ['--with', name]), ...withouts.flatMap((name) => ['--without', name])];
}

;// CONCATENATED MODULE: ./src/rpm/builder.ts
/** Builder inputs shared by the actions that rebuild a source RPM (build-kernel, patch-qemu). */








const BUILDERS = ['mock', 'rpmbuild'];
const builderInputs = {
    builder: oneOf({
        description: 'How to build: `mock` (clean chroot, needs an EL or POWER host) or `rpmbuild` on the runner itself.',
        values: BUILDERS,
        default: 'mock',
    }),
    'mock-config': string({
        description: 'The mock configuration used when builder is mock.',
        default: 'almalinux-9-ppc64le',
        pattern: /^[A-Za-z0-9._+-]+$/,
        accepted: 'a mock configuration name such as almalinux-9-ppc64le',
    }),
    'build-timeout': duration({
        description: 'Stop the build (and everything it started) after this long.',
        default: '8h',
        max: 48 * 3_600_000,
    }),
};
/** The programs a build with this builder needs, resolved now so a missing one fails early. */
function requireBuildTools(builder) {
    return requireTools(builder === 'mock' ? ['rpm', 'mock'] : ['rpm', 'rpmbuild', 'rpmspec']);
}
/** The exact argv of the build: what runs, and what tests and summaries show. */
function buildCommand(request) {
    const conditionals = conditionalArgs(request.with, request.without);
    const defines = defineArgs({
        ...(request.jobs ? { _smp_build_ncpus: String(request.jobs) } : {}),
        ...request.defines,
    });
    if (request.builder === 'mock') {
        const ccache = request.ccacheDir
            ? ['--enable-plugin=ccache', `--plugin-option=ccache:dir=${request.ccacheDir}`]
            : [];
        const mounts = request.bindMounts?.length
            ? [
                '--enable-plugin=bind_mount',
                `--plugin-option=bind_mount:dirs=${JSON.stringify(request.bindMounts.map((dir) => [dir, dir]))}`,
            ]
            : [];
        return [
            'mock',
            '-r',
            request.mockConfig,
            '--resultdir',
            request.resultDir,
            ...ccache,
            ...mounts,
            ...conditionals,
            ...defines,
            '--rebuild',
            request.srpm,
        ];
    }
    return [
        'rpmbuild',
        '--define',
        `_topdir ${request.resultDir}`,
        // EL specs are written for bash as /bin/sh (pushd, [[ ]]); Debian's /bin/sh is dash.
        '--define',
        '_buildshell /bin/bash',
        ...(request.target ? ['--target', request.target] : []),
        ...conditionals,
        ...defines,
        '--rebuild',
        request.srpm,
    ];
}
/** The first line of a failed build log worth an annotation: rpmbuild's and mock's error lines. */
function firstErrorLine(log) {
    const lines = log.split('\n');
    return (lines.find((line) => /^(error|ERROR):\s/.test(line.trim()) || /^RPM build errors:/.test(line)) ??
        lines.find((line) => /\berror\b/i.test(line) && !/^\+/.test(line)))?.trim();
}
/**
 * The build host lacks packages the spec needs to build: the runner's setup, not the rebuilt
 * package, is at fault. rpmbuild lists them after `error: Failed build dependencies:`; mock
 * says `No matching package to install: 'x'`.
 */
class MissingBuildDependencies extends InfrastructureError {
    missing;
    logFile;
    name = 'MissingBuildDependencies';
    constructor(missing, logFile) {
        super(`the build host lacks ${missing.length} build dependenc${missing.length === 1 ? 'y' : 'ies'} of the spec: ${missing.join(', ')}. Install them (dnf builddep on EL), or build with mock`);
        this.missing = missing;
        this.logFile = logFile;
    }
}
/** The missing BuildRequires a failed build's log names, if that is why it failed. */
function missingBuildDependencies(log) {
    const lines = log.split('\n');
    const start = lines.findIndex((line) => /error: Failed build dependencies:/.test(line));
    const missing = [];
    if (start !== -1) {
        for (const line of lines.slice(start + 1)) {
            const match = /^\s+(.+?) is needed by \S+/.exec(line);
            if (!match)
                break;
            missing.push(match[1].trim());
        }
    }
    for (const match of log.matchAll(/No matching package to install: '([^']+)'/g))
        missing.push(match[1]);
    return [...new Set(missing)];
}
class BuildFailure extends TestFailure {
    logFile;
    tail;
    errorLine;
    name = 'BuildFailure';
    constructor(message, logFile, tail, errorLine) {
        super(message);
        this.logFile = logFile;
        this.tail = tail;
        this.errorLine = errorLine;
    }
}
/**
 * Runs the build with its output in logFile (for upload-artifact) and a group in the log. A
 * failing build becomes a BuildFailure carrying the log's tail and first error line.
 */
async function runBuild(request, options) {
    const argv = buildCommand(request);
    const result = await exec(argv, {
        logFile: options.logFile,
        allowFailure: true,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.log ? { log: options.log, group: `Build: ${describeArgv(argv)}` } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.env ? { env: options.env } : {}),
    });
    if (result.exitCode !== 0 || result.timedOut) {
        const log = (0,external_node_fs_namespaceObject.existsSync)(options.logFile)
            ? (0,external_node_fs_namespaceObject.readFileSync)(options.logFile, 'utf8')
            : result.stdout + result.stderr;
        const missing = missingBuildDependencies(log);
        if (missing.length > 0)
            throw new MissingBuildDependencies(missing, options.logFile);
        const tail = log.split('\n').slice(-40).join('\n');
        const how = result.timedOut
            ? `timed out after ${formatDuration(result.durationMs)}`
            : `failed (exit code ${result.exitCode})`;
        const errorLine = firstErrorLine(log);
        throw new BuildFailure(`${argv[0]} ${how}${errorLine ? `: ${errorLine}` : ''}`, options.logFile, tail, errorLine);
    }
    // rpmbuild writes under _topdir/RPMS and SRPMS; mock writes into its result dir.
    const rpms = request.builder === 'rpmbuild'
        ? [...rpmsBelow((0,external_node_path_namespaceObject.join)(request.resultDir, 'RPMS')), ...rpmsBelow((0,external_node_path_namespaceObject.join)(request.resultDir, 'SRPMS'))]
        : rpmsBelow(request.resultDir);
    return { rpms, logFile: options.logFile, durationMs: result.durationMs };
}

;// CONCATENATED MODULE: ./src/rpm/spec.ts
/**
 * Reading a spec file's structure as text: its sections, its Patch/Source tags, where
 * %changelog starts and how the spec applies its patches. Only what recipe edits need; rpmspec
 * answers everything that needs macros expanded.
 */


/** Section headers that end the preamble or the previous section. */
const SECTION_NAMES = [
    'package',
    'description',
    'prep',
    'generate_buildrequires',
    'conf',
    'build',
    'install',
    'check',
    'clean',
    'files',
    'changelog',
    'pre',
    'post',
    'preun',
    'postun',
    'pretrans',
    'posttrans',
    'preuntrans',
    'postuntrans',
    'triggerprein',
    'triggerin',
    'triggerun',
    'triggerpostun',
    'filetriggerin',
    'filetriggerun',
    'filetriggerpostun',
    'transfiletriggerin',
    'transfiletriggerun',
    'transfiletriggerpostun',
    'verifyscript',
    'sepolicy',
];
const SECTION_LINE = new RegExp(`^%(${SECTION_NAMES.join('|')})(?:\\s+(.*))?$`);
/** The subpackage named by a section's arguments: `foo`, `-n foo`, ignoring `-f file` and the like. */
function subpackageOf(args) {
    if (!args)
        return undefined;
    const words = args.trim().split(/\s+/);
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (word === '-n')
            return words[i + 1];
        if (word.startsWith('-')) {
            if (/^-[fpe]$/.test(word))
                i++; // options that take a value
            continue;
        }
        return word;
    }
    return undefined;
}
function sections(lines) {
    const found = [{ name: 'global', header: -1, end: lines.length }];
    lines.forEach((line, index) => {
        const match = SECTION_LINE.exec(line.trimEnd());
        if (!match)
            return;
        found.at(-1).end = index;
        const subpackage = subpackageOf(match[2]);
        found.push({ name: match[1], ...(subpackage ? { subpackage } : {}), header: index, end: lines.length });
    });
    return found;
}
/** The line index of `%changelog`, or the line count when there is none. */
function changelogStart(lines) {
    const index = lines.findIndex((line) => /^%changelog\s*$/.test(line));
    return index === -1 ? lines.length : index;
}
/** `PatchNNN:` / `SourceNNN:` lines (a bare `Patch:` is number 0) in the preamble and %package blocks. */
function numberedTags(lines, kind) {
    const pattern = new RegExp(`^${kind}(\\d*)\\s*:\\s*(.+)$`, 'i');
    const end = changelogStart(lines);
    const tags = [];
    for (let index = 0; index < end; index++) {
        const match = pattern.exec(lines[index].trim());
        if (match)
            tags.push({ number: match[1] ? Number(match[1]) : 0, line: index, value: match[2].trim() });
    }
    return tags;
}
/** How the spec applies patches in %prep, and the line after which a new apply line belongs. */
function applyStyle(lines) {
    const prep = sections(lines).find((section) => section.name === 'prep');
    if (!prep)
        return { style: 'none', after: -1 };
    let result = { style: 'none', after: -1 };
    let setupLine = -1;
    for (let index = prep.header + 1; index < prep.end; index++) {
        const line = lines[index].trim();
        if (/^%(autosetup|autopatch)\b/.test(line))
            return { style: 'autosetup', after: index };
        if (/^%setup\b/.test(line))
            setupLine = index;
        if (/^Apply(Optional)?Patch\s+\S/.test(line))
            result = { style: 'kernel', after: index };
        else if (/^%patch\s+(-P\s*)?\d+/.test(line) || /^%patch\s+-P/.test(line))
            result = { style: 'patch-P', after: index };
        else if (/^%patch\d+\b/.test(line))
            result = { style: 'patchN', after: index };
    }
    if (result.style === 'none' && setupLine !== -1)
        return { style: 'patch-P', after: setupLine };
    return result;
}
/** The conditionals enclosing `index`, outermost first. */
function enclosingConditionals(lines, index) {
    const open = [];
    for (let at = 0; at < index; at++) {
        const match = /^%(if\w*|else|elif\w*|endif)\b\s*(.*)$/.exec(lines[at].trim());
        if (!match)
            continue;
        const keyword = match[1];
        if (keyword === 'endif')
            open.pop();
        else if (keyword === 'else') {
            if (open.length > 0)
                open.at(-1).inElse = true;
        }
        else if (keyword.startsWith('elif')) {
            if (open.length > 0)
                Object.assign(open.at(-1), { keyword, args: match[2].trim(), inElse: false });
        }
        else
            open.push({ line: at, keyword, args: match[2].trim(), inElse: false });
    }
    return open;
}
/**
 * Whether rpm keeps the line when building for an architecture that any of `archTokens` names
 * (`%{power64}`, `ppc64le`): only %ifarch / %ifnarch count; other conditions are taken as true.
 */
function keptForArch(lines, index, archTokens) {
    return enclosingConditionals(lines, index).every(({ keyword, args, inElse }) => {
        if (keyword !== 'ifarch' && keyword !== 'ifnarch')
            return true;
        const names = args.split(/[\s,]+/).some((word) => archTokens.includes(word));
        return (keyword === 'ifarch') !== inElse ? names : !names;
    });
}
/**
 * Where a new entry of a section belongs: after its last entry, before trailing blank lines, the
 * `%if` of a block that goes on into the next section, and the `%endif` of a block opened before
 * the section.
 */
function sectionEntriesEnd(lines, section) {
    let at = section.end;
    while (at > section.header + 1) {
        const previous = lines[at - 1].trim();
        if (previous === '' || /^%if\w*\b/.test(previous))
            at--;
        else if (/^%endif\b/.test(previous)) {
            const closes = enclosingConditionals(lines, at - 1).at(-1);
            if (!closes || closes.line >= section.header)
                break;
            at--;
        }
        else
            break;
    }
    return at;
}
/** A shell `if …; then` line of a build script; group 2 is its condition. */
const SHELL_IF = /^(\s*)if\s+(.*);\s*then\s*$/;
/**
 * The shell `if …; then` line whose block holds `index` (its `fi` comes after), or -1. The search
 * stops at the section header or shell function that holds the line.
 */
function enclosingShellIf(lines, index) {
    let depth = 0;
    for (let at = index - 1; at >= 0; at--) {
        const line = lines[at].trim();
        if (/^fi\b/.test(line))
            depth++;
        else if (SHELL_IF.test(line)) {
            if (depth === 0)
                return at;
            depth--;
        }
        else if (SECTION_LINE.test(line) || /^\w+\s*\(\)/.test(line))
            return -1;
    }
    return -1;
}
/** Edits a spec file's lines in place (edit gets the lines and the file's name) and writes it back. */
function editSpecFile(spec, edit) {
    const lines = (0,external_node_fs_namespaceObject.readFileSync)(spec, 'utf8').split('\n');
    const result = edit(lines, (0,external_node_path_namespaceObject.basename)(spec));
    (0,external_node_fs_namespaceObject.writeFileSync)(spec, lines.join('\n'));
    return result;
}

;// CONCATENATED MODULE: ./src/rpm/autopatch/apply.ts
/**
 * Applies an autopatch recipe to a dist-git tree (SPECS/ + SOURCES/, or flat). The recipe runs
 * on a copy, and the copy replaces the tree only when every action succeeded: a failing action
 * leaves the tree exactly as it was.
 */







/** An edit an action makes itself (not from a recipe), reported beside the recipes' edits. */
function builtInEdit(spec, what, detail) {
    return { index: 0, type: 'built-in', target: `${(0,external_node_path_namespaceObject.basename)(spec)} ${what}`, detail };
}
/** A recipe that does not fit the package: names the action, its position and the file. */
class ActionError extends ConfigurationError {
}
function fail(action, target, message) {
    throw new ActionError(`autopatch action ${action.type} #${action.index} (${target}): ${message}`);
}
function recipeDate(env = process.env) {
    const epoch = env.SOURCE_DATE_EPOCH;
    return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}
/** `Wed Nov 25 2026`, in UTC, as %changelog headers write dates. */
function changelogDate(date) {
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const day = String(date.getUTCDate()).padStart(2, '0');
    return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${day} ${date.getUTCFullYear()}`;
}
function findSpec(root) {
    const dirs = (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, 'SPECS')) ? [(0,external_node_path_namespaceObject.join)(root, 'SPECS')] : [root];
    const specs = dirs.flatMap((dir) => (0,external_node_fs_namespaceObject.readdirSync)(dir)
        .filter((name) => name.endsWith('.spec'))
        .map((name) => (0,external_node_path_namespaceObject.join)(dir, name)));
    if (specs.length !== 1) {
        throw new ConfigurationError(`${root} must hold exactly one .spec file (in SPECS/ or at the top); found ${specs.length === 0 ? 'none' : specs.map((s) => (0,external_node_path_namespaceObject.basename)(s)).join(', ')}`);
    }
    return specs[0];
}
function treeOf(root) {
    return {
        root,
        spec: findSpec(root),
        sources: (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, 'SOURCES')) ? (0,external_node_path_namespaceObject.join)(root, 'SOURCES') : root,
    };
}
/** `spec`, or a path or glob relative to the tree, then to SOURCES/. */
function resolveTargets(tree, target, allowGlob) {
    if (target === 'spec')
        return [tree.spec];
    if (hasGlob(target) && !allowGlob)
        return [];
    for (const base of [tree.root, tree.sources]) {
        const matches = (hasGlob(target) ? expandGlob(target, base) : [(0,external_node_path_namespaceObject.join)(base, target)]).filter((file) => (0,external_node_fs_namespaceObject.existsSync)(file) && (0,external_node_fs_namespaceObject.statSync)(file).isFile());
        if (matches.length > 0)
            return matches;
    }
    return [];
}
const splitLines = (text) => text.replace(/\n$/, '').split('\n');
const leading = (line) => /^\s*/.exec(line)[0];
/** Lines of a block with its common indentation removed. */
function dedent(text) {
    const lines = splitLines(text);
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => leading(l).length));
    return lines.map((line) => line.slice(Math.min(indent, leading(line).length)));
}
class TextFile {
    path;
    isSpec;
    lines;
    trailingNewline;
    constructor(path, isSpec) {
        this.path = path;
        this.isSpec = isSpec;
        const text = (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
        this.trailingNewline = text.endsWith('\n');
        this.lines = text === '' ? [] : splitLines(text);
    }
    /** Edits never reach into a spec's %changelog. */
    get editableEnd() {
        return this.isSpec ? changelogStart(this.lines) : this.lines.length;
    }
    save() {
        (0,external_node_fs_namespaceObject.writeFileSync)(this.path, this.lines.join('\n') + (this.trailingNewline || this.lines.length ? '\n' : ''));
    }
}
/** Start indices of every occurrence of a multi-line block, matched ignoring leading indentation. */
function findBlocks(lines, end, block, skipComments) {
    const wanted = block.map((line) => line.trim());
    const found = [];
    for (let i = 0; i + wanted.length <= end; i++) {
        if (skipComments && lines[i].trim().startsWith('#'))
            continue;
        if (wanted.every((line, j) => lines[i + j].trim() === line)) {
            found.push(i);
            i += wanted.length - 1;
        }
    }
    return found;
}
function replaceAction(file, action, target) {
    const end = file.editableEnd;
    const expectCount = (found) => {
        if (found === 0)
            fail(action, target, `'${(action.find ?? action.rfind).trim()}' matches nothing`);
        if (action.count !== -1 && found !== action.count) {
            fail(action, target, `'${(action.find ?? action.rfind).trim()}' matches ${found} time(s), count says ${action.count}`);
        }
    };
    if (action.rfind !== undefined) {
        const region = file.lines.slice(0, end).join('\n');
        const commentsToo = /^\^?#/.test(action.rfind) || !file.isSpec;
        const pattern = new RegExp(action.rfind, 'gm');
        let found = 0;
        const replaced = region.replace(pattern, (match, ...rest) => {
            const offset = rest.at(-2);
            const lineStart = region.lastIndexOf('\n', offset - 1) + 1;
            if (!commentsToo && region.slice(lineStart).trimStart().startsWith('#'))
                return match;
            found++;
            const groups = rest.slice(0, -2);
            // Python-style back-references (\1, \g<1>) as AlmaLinux's configs write them.
            return action.replace.replace(/\\g<(\d+)>|\\(\d)/g, (_, a, b) => groups[Number(a ?? b) - 1] ?? '');
        });
        expectCount(found);
        file.lines.splice(0, end, ...(replaced === '' ? [] : replaced.split('\n')));
        return `${found} match(es) of /${action.rfind}/`;
    }
    const find = action.find.replace(/\n$/, '');
    const skipComments = file.isSpec && !find.trimStart().startsWith('#');
    if (!find.includes('\n')) {
        let found = 0;
        for (let i = 0; i < end; i++) {
            const line = file.lines[i];
            if (skipComments && line.trim().startsWith('#'))
                continue;
            const parts = line.split(find);
            if (parts.length === 1)
                continue;
            found += parts.length - 1;
            file.lines[i] = parts.join(action.replace.replace(/\n$/, ''));
        }
        expectCount(found);
        return `${found} occurrence(s) of '${find}'`;
    }
    const block = dedent(find);
    const starts = findBlocks(file.lines, end, block, skipComments);
    expectCount(starts.length);
    const replacement = action.replace === '' ? [] : dedent(action.replace);
    for (const start of [...starts].reverse()) {
        const indent = leading(file.lines[start]);
        file.lines.splice(start, block.length, ...replacement.map((line) => (line ? indent + line : line)));
    }
    return `${starts.length} block(s) of ${block.length} line(s)`;
}
function deleteLineAction(file, action, target) {
    let deleted = 0;
    for (const item of action.lines) {
        const block = dedent(item);
        const starts = findBlocks(file.lines, file.editableEnd, block, false);
        if (starts.length === 0)
            fail(action, target, `line '${block.join('\\n').trim()}' not found`);
        for (const start of [...starts].reverse())
            file.lines.splice(start, block.length);
        deleted += starts.length * block.length;
    }
    return `${deleted} line(s) deleted`;
}
function modifyRelease(file, action, target) {
    const index = file.lines.slice(0, file.editableEnd).findIndex((line) => /^Release\s*:/i.test(line));
    if (index === -1)
        fail(action, target, 'no Release: line');
    const line = file.lines[index];
    if (line.includes('%autorelease'))
        fail(action, target, 'Release: uses %autorelease, which has no literal value to suffix');
    file.lines[index] = line.trimEnd() + action.suffix;
    return `Release: ${file.lines[index].replace(/^Release\s*:\s*/i, '')}`;
}
function wrap(text, width = 80) {
    const lines = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (current && (current + ' ' + word).length > width - 2) {
            lines.push(current);
            current = word;
        }
        else
            current = current ? `${current} ${word}` : word;
    }
    if (current)
        lines.push(current);
    return lines.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`));
}
async function specEvr(tree, file, recipe, options) {
    // The spec on disk must be current: earlier actions may have changed the release.
    file.save();
    const raw = (tag) => new RegExp(`^${tag}\\s*:\\s*(.+)$`, 'im')
        .exec(file.lines.slice(0, file.editableEnd).join('\n'))?.[1]
        ?.trim();
    // As AlmaLinux's tool does: no dist tag in the changelog's EVR, rhel as the EL major version.
    const defines = {
        rhel: recipe.parameters.elVersion ?? '9',
        _sourcedir: tree.sources,
        ...options.defines,
        dist: '%{nil}',
    };
    const result = await exec([
        'rpmspec',
        '-q',
        '--srpm',
        '--qf',
        '%{EPOCH}|%{VERSION}|%{RELEASE}\\n',
        ...defineArgs(defines),
        file.path,
    ]);
    const [epoch = '(none)', version = '', release = ''] = result.stdout.trim().split('\n')[0].split('|');
    const v = recipe.parameters.ignoreVersionMacros ? (raw('Version') ?? version) : version;
    const r = recipe.parameters.ignoreReleaseMacros ? (raw('Release') ?? release) : release;
    return `${epoch !== '(none)' && epoch !== '' ? `${epoch}:` : ''}${v}-${r}`;
}
function insertTag(file, kind, number, name, marker) {
    const entry = `${kind}${number}: ${name}`;
    // One `# AlmaLinux Patch` (or Source) block: made by the first addition, joined by later ones.
    const header = file.lines.findIndex((line) => line.trim().toLowerCase() === `# almalinux ${kind.toLowerCase()}`);
    if (marker && header !== -1) {
        let last = header;
        while (last + 1 < file.editableEnd && /^(Patch|Source)\d*\s*:/i.test(file.lines[last + 1].trim()))
            last++;
        file.lines.splice(last + 1, 0, entry);
        return;
    }
    const own = numberedTags(file.lines, kind);
    const any = [...numberedTags(file.lines, 'Patch'), ...numberedTags(file.lines, 'Source')].sort((a, b) => a.line - b.line);
    const release = file.lines.findIndex((line) => /^Release\s*:/i.test(line));
    const after = own.at(-1)?.line ?? any.at(-1)?.line ?? release;
    file.lines.splice(after + 1, 0, ...(marker ? ['', `# AlmaLinux ${kind}`, entry] : [entry]));
}
function addFiles(tree, spec, action, recipe, options, reused) {
    const from = (0,external_node_path_namespaceObject.join)(options.filesDir, action.name);
    if (!(0,external_node_fs_namespaceObject.existsSync)(from))
        fail(action, (0,external_node_path_namespaceObject.relative)(tree.root, tree.spec), `file '${action.name}' is not in ${options.filesDir}`);
    (0,external_node_fs_namespaceObject.copyFileSync)(from, (0,external_node_path_namespaceObject.join)(tree.sources, action.name));
    if (!action.modifySpec)
        return `copied ${action.name}`;
    const kind = action.fileType === 'patch' ? 'Patch' : 'Source';
    const existing = numberedTags(spec.lines, kind);
    const number = action.number === 'Latest' ? Math.max(-1, ...existing.map((tag) => tag.number)) + 1 : action.number;
    // AlmaLinux recipes add a number whose old line a later action deletes: judged after the recipe.
    if (existing.some((tag) => tag.number === number))
        reused.push({ kind, number, action });
    const marker = action.insertMarker ?? recipe.parameters.insertMarker;
    insertTag(spec, kind, number, action.name, marker);
    if (kind === 'Source')
        return `Source${number}: ${action.name}`;
    const { style, after } = applyStyle(spec.lines);
    const backup = action.noBackup ? '' : ` -b .${action.name.replace(/\.patch$/, '')}`;
    const applyLine = style === 'autosetup'
        ? undefined
        : style === 'kernel'
            ? `${/^\s*(Apply\w*Patch)/.exec(spec.lines[after])[1]} ${action.name}`
            : style === 'patchN'
                ? `%patch${number} -p1${backup}`
                : style === 'patch-P'
                    ? `%patch -P ${number} -p1${backup}`
                    : fail(action, (0,external_node_path_namespaceObject.relative)(tree.root, tree.spec), 'the spec has no %prep section to apply the patch in');
    const applyMarker = '# Applying AlmaLinux Patch';
    const marked = marker && !spec.lines.some((line) => line.trim() === applyMarker);
    if (applyLine)
        spec.lines.splice(after + 1, 0, ...(marked ? [applyMarker] : []), applyLine);
    return `Patch${number}: ${action.name}${applyLine ? `, applied with '${applyLine}'` : ' (applied by %autosetup)'}`;
}
function deleteFiles(tree, action) {
    const candidates = [tree.root, tree.sources, (0,external_node_path_namespaceObject.join)(tree.root, 'SPECS')].map((dir) => (0,external_node_path_namespaceObject.join)(dir, action.fileName));
    const found = candidates.find((file) => (0,external_node_fs_namespaceObject.existsSync)(file));
    if (!found)
        fail(action, action.fileName, 'no such file in the package');
    (0,external_node_fs_namespaceObject.rmSync)(found);
    // Lookaside metadata names the file too.
    const metadata = (0,external_node_fs_namespaceObject.readdirSync)(tree.root).filter((name) => name === 'sources' || /^\..*\.metadata$/.test(name));
    for (const name of metadata) {
        const file = (0,external_node_path_namespaceObject.join)(tree.root, name);
        const lines = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8').split('\n');
        const kept = lines.filter((line) => !line.split(/[\s()]+/).some((word) => word === action.fileName || (0,external_node_path_namespaceObject.basename)(word) === action.fileName));
        if (kept.length !== lines.length)
            (0,external_node_fs_namespaceObject.writeFileSync)(file, kept.join('\n'));
    }
    return `deleted ${(0,external_node_path_namespaceObject.relative)(tree.root, found)}`;
}
function addLine(file, action, target) {
    const all = sections(file.lines);
    const section = all.find((s) => s.name === action.section && s.subpackage === action.subpackage);
    const which = `%${action.section}${action.subpackage ? ` of subpackage ${action.subpackage}` : ''}`;
    if (!section)
        fail(action, target, `section ${which} not found`);
    const content = splitLines(action.content);
    let at;
    if (action.location === 'top')
        at = section.header + 1;
    else {
        at = section.end;
        while (at > section.header + 1 && file.lines[at - 1].trim() === '')
            at--;
    }
    file.lines.splice(at, 0, ...content);
    return `${content.length} line(s) at the ${action.location} of ${which}`;
}
async function applyOne(tree, action, recipe, options, reused) {
    const specName = (0,external_node_path_namespaceObject.relative)(tree.root, tree.spec);
    const edit = (target, detail) => ({
        index: action.index,
        type: action.type,
        target,
        detail,
    });
    switch (action.type) {
        case 'replace':
        case 'delete_line': {
            const files = resolveTargets(tree, action.target, action.type === 'replace');
            if (files.length === 0)
                fail(action, action.target, 'no such file in the package');
            const details = [];
            for (const path of files) {
                const file = new TextFile(path, path === tree.spec);
                const target = (0,external_node_path_namespaceObject.relative)(tree.root, path);
                details.push(action.type === 'replace'
                    ? replaceAction(file, action, target)
                    : deleteLineAction(file, action, target));
                file.save();
            }
            return edit(files.map((f) => (0,external_node_path_namespaceObject.relative)(tree.root, f)).join(', '), details.join('; '));
        }
        case 'modify_release': {
            if (!action.enabled)
                return edit(specName, 'disabled');
            const file = new TextFile(tree.spec, true);
            const detail = modifyRelease(file, action, specName);
            file.save();
            return edit(specName, detail);
        }
        case 'changelog_entry': {
            const file = new TextFile(tree.spec, true);
            const evr = await specEvr(tree, file, recipe, options);
            const header = `* ${changelogDate(options.date ?? recipeDate())} ${action.name} <${action.email}> - ${evr}`;
            const entry = [header, ...action.line.flatMap((line) => wrap(line)), ''];
            const at = changelogStart(file.lines);
            if (at === file.lines.length)
                file.lines.push('%changelog');
            file.lines.splice(at + 1, 0, ...entry);
            file.save();
            return edit(specName, header);
        }
        case 'add_files': {
            const file = new TextFile(tree.spec, true);
            const detail = addFiles(tree, file, action, recipe, options, reused);
            file.save();
            return edit(specName, detail);
        }
        case 'delete_files':
            return edit(action.fileName, deleteFiles(tree, action));
        case 'run_script': {
            const script = (0,external_node_path_namespaceObject.join)(options.scriptsDir, action.script);
            if (!(0,external_node_fs_namespaceObject.existsSync)(script))
                fail(action, action.script, `script is not in ${options.scriptsDir}`);
            const result = await exec(['bash', script], {
                cwd: action.cwd === 'rpms' ? tree.root : (0,external_node_path_namespaceObject.dirname)(options.scriptsDir),
                allowFailure: true,
                ...(options.log ? { log: options.log } : {}),
            });
            if (result.exitCode !== 0) {
                const last = (result.stderr || result.stdout).trim().split('\n').at(-1);
                fail(action, action.script, `script exited with code ${result.exitCode}${last ? `: ${last}` : ''}`);
            }
            return edit(action.script, 'ran');
        }
        case 'add_line': {
            if (action.target !== 'spec')
                fail(action, action.target, "add_line works on target 'spec' only");
            const file = new TextFile(tree.spec, true);
            const detail = addLine(file, action, specName);
            file.save();
            return edit(specName, detail);
        }
    }
}
/** Applies every action in order; on any error the package tree is left untouched. */
async function applyRecipe(recipe, options) {
    const original = options.packageDir.replace(/\/+$/, '');
    treeOf(original); // fail on a bad tree before copying anything
    const work = `${original}.autopatch-${process.pid}-${Date.now()}`;
    await exec(['cp', '-a', '--', original, work]);
    try {
        const tree = treeOf(work);
        const edits = [];
        const reused = [];
        for (const action of recipe.actions) {
            const edit = await applyOne(tree, action, recipe, options, reused);
            options.log?.info(`#${edit.index} ${edit.type} ${edit.target}: ${edit.detail}`);
            edits.push(edit);
        }
        const final = new TextFile(tree.spec, true).lines;
        for (const { kind, number, action } of reused) {
            if (numberedTags(final, kind).filter((tag) => tag.number === number).length > 1)
                fail(action, (0,external_node_path_namespaceObject.relative)(tree.root, tree.spec), `${kind}${number} is used twice after the whole recipe`);
        }
        // Swap by renames, so a reader sees either the old tree or the new one.
        const old = `${work}.old`;
        (0,external_node_fs_namespaceObject.renameSync)(original, old);
        (0,external_node_fs_namespaceObject.renameSync)(work, original);
        (0,external_node_fs_namespaceObject.rmSync)(old, { recursive: true, force: true });
        return edits;
    }
    catch (error) {
        (0,external_node_fs_namespaceObject.rmSync)(work, { recursive: true, force: true });
        throw error;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/rpm/autopatch/config.ts
/**
 * AlmaLinux's autopatch configuration (config.yaml): `parameters` and an ordered `actions` list
 * of single-key blocks, each a list of entries. Validated here into typed actions so that the
 * engine never meets a malformed entry halfway through a run.
 */



/** Parameters that matter to AlmaLinux's git workflow only; accepted and ignored here. */
const GIT_ONLY_PARAMETERS = ['custom_target_branch', 'pre_clean', 'tag_prefix'];
class Reader {
    source;
    where;
    entry;
    constructor(source, where, entry, allowed) {
        this.source = source;
        this.where = where;
        this.entry = entry;
        const unknown = Object.keys(entry).filter((key) => !allowed.includes(key));
        if (unknown.length > 0)
            this.fail(`unknown key '${unknown[0]}' (accepted: ${allowed.join(', ')})`);
    }
    fail(message) {
        throw new ConfigurationError(`${this.source}: ${this.where}: ${message}`);
    }
    string(key, required = true) {
        const value = this.entry[key];
        if (value === undefined || value === null) {
            if (required)
                this.fail(`'${key}' is required`);
            return undefined;
        }
        if (typeof value !== 'string' && typeof value !== 'number')
            this.fail(`'${key}' must be a string`);
        return String(value);
    }
    req(key) {
        return this.string(key);
    }
    boolean(key, fallback) {
        const value = this.entry[key];
        if (value === undefined)
            return fallback;
        if (typeof value !== 'boolean')
            this.fail(`'${key}' must be true or false`);
        return value;
    }
    strings(key) {
        const value = this.entry[key];
        if (typeof value === 'string')
            return [value];
        if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
            this.fail(`'${key}' must be a non-empty list of strings`);
        }
        return value;
    }
}
function readAction(type, entry, r) {
    switch (type) {
        case 'replace': {
            const find = r.string('find', false);
            const rfind = r.string('rfind', false);
            if ((find === undefined) === (rfind === undefined))
                r.fail("exactly one of 'find' and 'rfind' is required");
            if (rfind !== undefined) {
                try {
                    new RegExp(rfind);
                }
                catch (error) {
                    r.fail(`'rfind' is not a valid regular expression: ${error.message}`);
                }
            }
            const count = entry.count === undefined ? -1 : Number(entry.count);
            if (!Number.isInteger(count) || count === 0 || count < -1)
                r.fail("'count' must be -1 (all) or a positive number");
            return {
                type,
                target: r.req('target'),
                ...(find !== undefined ? { find } : { rfind: rfind }),
                replace: r.string('replace', false) ?? '',
                count,
            };
        }
        case 'delete_line':
            return { type, target: r.req('target'), lines: r.strings('lines') };
        case 'modify_release':
            return { type, suffix: r.req('suffix'), enabled: r.boolean('enabled', true) };
        case 'changelog_entry':
            return { type, name: r.req('name'), email: r.req('email'), line: r.strings('line') };
        case 'add_files': {
            const fileType = r.req('type');
            if (fileType !== 'patch' && fileType !== 'source')
                r.fail("'type' must be patch or source");
            const number = entry.number === undefined || entry.number === 'Latest' ? 'Latest' : Number(entry.number);
            if (number !== 'Latest' && (!Number.isInteger(number) || number < 0))
                r.fail("'number' must be a whole number or Latest");
            return {
                type,
                fileType,
                name: r.req('name'),
                number,
                modifySpec: r.boolean('modify_spec', true),
                ...(entry.insert_almalinux_line !== undefined
                    ? { insertMarker: r.boolean('insert_almalinux_line', true) }
                    : {}),
                noBackup: r.boolean('no_backup', false),
            };
        }
        case 'delete_files':
            return { type, fileName: r.req('file_name') };
        case 'run_script': {
            const cwd = r.string('cwd', false) ?? 'rpms';
            if (cwd !== 'rpms' && cwd !== 'autopatch')
                r.fail("'cwd' must be rpms or autopatch");
            return { type, script: r.req('script'), cwd };
        }
        case 'add_line': {
            const location = r.req('location');
            if (location !== 'top' && location !== 'bottom')
                r.fail("'location' must be top or bottom");
            const subpackage = r.string('subpackage', false);
            return {
                type,
                target: r.req('target'),
                section: r.req('section').replace(/^%/, ''),
                location,
                content: r.req('content'),
                ...(subpackage ? { subpackage } : {}),
            };
        }
        default:
            return r.fail(`unknown action type '${type}'`);
    }
}
const ALLOWED_KEYS = {
    replace: ['target', 'find', 'rfind', 'replace', 'count'],
    delete_line: ['target', 'lines'],
    modify_release: ['suffix', 'enabled', 'auto_increment'],
    changelog_entry: ['name', 'email', 'line'],
    add_files: ['type', 'name', 'number', 'modify_spec', 'insert_almalinux_line', 'no_backup'],
    delete_files: ['file_name'],
    run_script: ['script', 'cwd'],
    add_line: ['target', 'section', 'location', 'content', 'subpackage'],
};
function parseRecipe(text, source) {
    let document;
    try {
        document = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new ConfigurationError(`${source}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const top = new Reader(source, 'top level', (document ?? {}), ['parameters', 'actions']);
    const params = document.parameters ?? {};
    const p = new Reader(source, 'parameters', params, [
        'insert_almalinux_line',
        'ignore_version_macros',
        'ignore_release_macros',
        'el_version',
        ...GIT_ONLY_PARAMETERS,
    ]);
    const parameters = {
        insertMarker: p.boolean('insert_almalinux_line', true),
        ignoreVersionMacros: p.boolean('ignore_version_macros', false),
        ignoreReleaseMacros: p.boolean('ignore_release_macros', false),
        ...(p.string('el_version', false) ? { elVersion: p.string('el_version', false) } : {}),
    };
    const blocks = document.actions;
    if (!Array.isArray(blocks))
        top.fail("'actions' must be a list of action blocks");
    const actions = [];
    for (const block of blocks) {
        const keys = block && typeof block === 'object' ? Object.keys(block) : [];
        if (keys.length !== 1)
            top.fail(`action block ${actions.length + 1} must have exactly one key, the action type`);
        const type = keys[0];
        const entries = block[type];
        if (!Array.isArray(entries))
            top.fail(`the '${type}' block must be a list of entries`);
        for (const entry of entries) {
            const index = actions.length + 1;
            const where = `action ${type} #${index}`;
            if (!ALLOWED_KEYS[type])
                new Reader(source, where, {}, []).fail(`unknown action type '${type}'`);
            const r = new Reader(source, where, (entry ?? {}), ALLOWED_KEYS[type]);
            actions.push({ ...readAction(type, (entry ?? {}), r), index });
        }
    }
    return { source, parameters, actions };
}
function loadRecipe(file) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch {
        throw new ConfigurationError(`autopatch config ${file} cannot be read`);
    }
    return parseRecipe(text, file);
}

;// CONCATENATED MODULE: ./src/version.ts
/** The suite's version; part of every build-avoidance key (a test keeps it equal to package.json's). */
const SUITE_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/rpm/avoid.ts
/**
 * Build avoidance: a key from everything that decides a build's output. Same key, same RPMs,
 * so a cached result can stand in for hours of building.
 */




/**
 * sha256 over every file below dir (path and content), in a stable order; with `only`, over the
 * files whose name matches (a kernel tree's Kconfig files rather than all of its 80,000 files).
 */
function digestTree(dir, only) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    if (!(0,external_node_fs_namespaceObject.existsSync)(dir))
        return hash.update('(none)').digest('hex');
    const files = (0,external_node_fs_namespaceObject.statSync)(dir).isFile()
        ? [dir]
        : (0,external_node_fs_namespaceObject.readdirSync)(dir, { recursive: true, encoding: 'utf8' })
            .filter((file) => !only || only.test((0,external_node_path_namespaceObject.basename)(file)))
            .map((file) => (0,external_node_path_namespaceObject.join)(dir, file))
            .filter((file) => (0,external_node_fs_namespaceObject.statSync)(file).isFile())
            .sort();
    for (const file of files) {
        hash
            .update((0,external_node_path_namespaceObject.relative)(dir, file) || '.')
            .update('\0')
            .update((0,external_node_fs_namespaceObject.readFileSync)(file))
            .update('\0');
    }
    return hash.digest('hex');
}
function avoidanceKey(inputs) {
    const canonical = JSON.stringify({
        suite: SUITE_VERSION,
        package: inputs.package,
        srpm: inputs.srpmSha256,
        recipes: inputs.recipes.map((path) => digestTree(path)),
        files: Object.fromEntries(Object.entries(inputs.files ?? {})
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, paths]) => [name, paths.map((path) => digestTree(path))])),
        builder: inputs.builder,
        extra: Object.fromEntries(Object.entries(inputs.extra ?? {}).sort(([a], [b]) => a.localeCompare(b))),
    });
    return `kvm-actions-${inputs.package}-${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(canonical).digest('hex').slice(0, 40)}`;
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/repo/repomd.ts
/** repodata/repomd.xml: the index of a dnf repository's metadata files. */

/** repomd.xml has a fixed, flat shape; a small reader avoids an XML dependency in every bundle. */
function parseRepomd(xml, source = 'repomd.xml') {
    if (!/<repomd[\s>]/.test(xml))
        throw new InfrastructureError(`${source} is not a repomd.xml document`);
    const revision = /<revision>([^<]*)<\/revision>/.exec(xml)?.[1];
    const entries = [...xml.matchAll(/<data\s+type="([^"]+)"\s*>([\s\S]*?)<\/data>/g)].map(([, type, body]) => {
        const href = /<location\s+[^>]*href="([^"]+)"/.exec(body)?.[1];
        if (!href)
            throw new InfrastructureError(`${source}: the ${type} entry has no location`);
        const checksum = /<checksum\s+type="([^"]+)"\s*>([^<]+)<\/checksum>/.exec(body);
        return {
            type: type,
            href,
            ...(checksum ? { checksum: { type: checksum[1], value: checksum[2].trim() } } : {}),
        };
    });
    return { ...(revision !== undefined ? { revision } : {}), entries };
}

;// CONCATENATED MODULE: ./src/repo/primary.ts
/**
 * The package list of a dnf repository: repomd.xml's `primary` entry, compressed with gzip, xz
 * or zstd, read into name, EVR, arch, location and checksum per package.
 */





const attribute = (tag, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const primary_unescape = (text) => text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
function parsePrimary(xml, baseUrl) {
    return [...xml.matchAll(/<package\s+type="rpm"\s*>([\s\S]*?)<\/package>/g)].map(([, body]) => {
        const text = (tag) => primary_unescape(new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body)?.[1] ?? '');
        const version = /<version\s[^>]*>/.exec(body)?.[0] ?? '';
        const location = /<location\s[^>]*>/.exec(body)?.[0] ?? '';
        const checksum = /<checksum\s+([^>]*)>([^<]+)<\/checksum>/.exec(body);
        const href = primary_unescape(attribute(location, 'href') ?? '');
        const sourceRpm = /<rpm:sourcerpm>([^<]+)<\/rpm:sourcerpm>/.exec(body)?.[1];
        const base = attribute(location, 'xml:base');
        return {
            name: text('name'),
            arch: text('arch'),
            epoch: Number(attribute(version, 'epoch') ?? 0),
            version: attribute(version, 'ver') ?? '',
            release: attribute(version, 'rel') ?? '',
            url: joinUrl(base ?? baseUrl, href),
            ...(checksum
                ? { checksum: { type: attribute(checksum[1], 'type') ?? 'sha256', value: checksum[2].trim() } }
                : {}),
            ...(sourceRpm ? { sourceRpm } : {}),
        };
    });
}
/** Decompresses metadata by its file name: .gz in-process, .xz and .zst with the xz and zstd tools. */
async function decompress(data, name) {
    if (name.endsWith('.gz'))
        return (0,external_node_zlib_namespaceObject.gunzipSync)(data).toString('utf8');
    const tool = name.endsWith('.xz') ? 'xz' : name.endsWith('.zst') ? 'zstd' : undefined;
    if (!tool)
        return data.toString('utf8');
    const result = await exec([tool, '-dc'], { input: data, captureLimitBytes: 2 ** 31 - 1 });
    return result.stdout;
}
/** Every package in the repository at baseUrl (the folder that holds repodata/). */
async function readRepository(baseUrl, options = {}) {
    const repomdUrl = joinUrl(baseUrl, 'repodata/repomd.xml');
    const repomd = parseRepomd((await readUrl(repomdUrl, options)).toString('utf8'), repomdUrl);
    const primary = repomd.entries.find((entry) => entry.type === 'primary');
    if (!primary)
        throw new InfrastructureError(`${repomdUrl} has no primary metadata`);
    const primaryUrl = joinUrl(baseUrl, primary.href);
    return parsePrimary(await decompress(await readUrl(primaryUrl, options), primary.href), baseUrl);
}

;// CONCATENATED MODULE: ./src/rpm/evr.ts
/** `[epoch:]version[-release]`; the release is what follows the last hyphen. */
function parseEvr(text) {
    const colon = text.indexOf(':');
    const epoch = colon > 0 && /^\d+$/.test(text.slice(0, colon)) ? Number(text.slice(0, colon)) : 0;
    const rest = colon > 0 && /^\d+$/.test(text.slice(0, colon)) ? text.slice(colon + 1) : text;
    const hyphen = rest.lastIndexOf('-');
    return hyphen > 0
        ? { epoch, version: rest.slice(0, hyphen), release: rest.slice(hyphen + 1) }
        : { epoch, version: rest };
}
function formatEvr(evr) {
    return `${evr.epoch ? `${evr.epoch}:` : ''}${evr.version}${evr.release !== undefined ? `-${evr.release}` : ''}`;
}
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c) => isDigit(c) || isAlpha(c);
/** rpmvercmp: -1, 0 or 1. `~` sorts before everything (even the end), `^` after the end only. */
function rpmvercmp(a, b) {
    if (a === b)
        return 0;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^')
            i++;
        while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^')
            j++;
        if (a[i] === '~' || b[j] === '~') {
            if (a[i] !== '~')
                return 1;
            if (b[j] !== '~')
                return -1;
            i++;
            j++;
            continue;
        }
        if (a[i] === '^' || b[j] === '^') {
            if (i >= a.length)
                return -1;
            if (j >= b.length)
                return 1;
            if (a[i] !== '^')
                return 1;
            if (b[j] !== '^')
                return -1;
            i++;
            j++;
            continue;
        }
        if (!(i < a.length && j < b.length))
            break;
        const numeric = isDigit(a[i]);
        const inSegment = numeric ? isDigit : isAlpha;
        let endA = i;
        let endB = j;
        while (endA < a.length && inSegment(a[endA]))
            endA++;
        while (endB < b.length && inSegment(b[endB]))
            endB++;
        // A numeric segment is newer than an alphabetic one.
        if (endB === j)
            return numeric ? 1 : -1;
        let segA = a.slice(i, endA);
        let segB = b.slice(j, endB);
        if (numeric) {
            segA = segA.replace(/^0+/, '');
            segB = segB.replace(/^0+/, '');
            if (segA.length !== segB.length)
                return segA.length > segB.length ? 1 : -1;
        }
        if (segA !== segB)
            return segA > segB ? 1 : -1;
        i = endA;
        j = endB;
    }
    if (i >= a.length && j >= b.length)
        return 0;
    return i >= a.length ? -1 : 1;
}
/** Epoch, then version, then release; a missing release sorts first (as rpm's own rpm.ver does). */
function compareEvr(a, b) {
    const x = typeof a === 'string' ? parseEvr(a) : a;
    const y = typeof b === 'string' ? parseEvr(b) : b;
    if (x.epoch !== y.epoch)
        return x.epoch > y.epoch ? 1 : -1;
    const byVersion = rpmvercmp(x.version, y.version);
    if (byVersion !== 0)
        return byVersion;
    return rpmvercmp(x.release ?? '', y.release ?? '');
}
function newest(items, evrOf) {
    return items.reduce((best, item) => (best === undefined || compareEvr(evrOf(item), evrOf(best)) > 0 ? item : best), undefined);
}

;// CONCATENATED MODULE: ./src/rpm/fetch.ts
/**
 * Turns an SrpmSource into a local file: a path as it is; a URL, an exact version or `latest`
 * downloaded (with retries) into a cache keyed by the file's sha256, so a second run reuses it.
 * `latest` and exact versions come from the repository metadata, which also gives the checksum.
 */







async function sha256File(path) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * Older minor releases move to the vault: .../almalinux/9/BaseOS/Source becomes
 * .../vault/9.6/BaseOS/Source for a release tagged el9_6.
 */
function vaultUrl(repositoryUrl, name, version) {
    const minor = /\.el9_(\d+)/.exec(version)?.[1];
    const match = /^(.*)\/almalinux\/9\/(.*?)\/?$/.exec(repositoryUrl);
    if (!minor || !match)
        return undefined;
    return `${match[1]}/vault/9.${minor}/${match[2]}/Packages/${name}-${version}.src.rpm`;
}
async function download(url, expectedSha, options) {
    const dir = (0,external_node_path_namespaceObject.join)(options.cacheDir, 'srpms');
    const index = (0,external_node_path_namespaceObject.join)(dir, 'urls.json');
    const urls = (0,external_node_fs_namespaceObject.existsSync)(index) ? JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(index, 'utf8')) : {};
    const known = expectedSha ?? urls[url];
    const name = (0,external_node_path_namespaceObject.basename)(new URL(url).pathname) || 'package.src.rpm';
    if (known && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, known, name))) {
        options.log?.info(`Using cached ${name} (sha256 ${known.slice(0, 12)}…)`);
        return { path: (0,external_node_path_namespaceObject.join)(dir, known, name), sha256: known, url, cached: true };
    }
    options.log?.info(`Downloading ${url}`);
    const data = await readUrl(url, options.signal ? { signal: options.signal } : {});
    const sha256 = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex');
    if (expectedSha && sha256 !== expectedSha) {
        throw new InfrastructureError(`download of ${url} is corrupt: sha256 ${sha256}, the repository says ${expectedSha}`);
    }
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.join)(dir, sha256), { recursive: true });
    const path = (0,external_node_path_namespaceObject.join)(dir, sha256, name);
    // Written beside, then renamed: a killed run never leaves a truncated file under the final name.
    // The partial name is the writer's own: two runs filling the cache at once never share one.
    const partial = `${path}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`;
    (0,external_node_fs_namespaceObject.writeFileSync)(partial, data);
    (0,external_node_fs_namespaceObject.renameSync)(partial, path);
    (0,external_node_fs_namespaceObject.writeFileSync)(index, JSON.stringify({ ...urls, [url]: sha256 }, null, 2));
    return { path, sha256, url, cached: false };
}
function sha256Of(pkg) {
    return pkg.checksum?.type === 'sha256' ? pkg.checksum.value : undefined;
}
/** The newest source package called name in the repository, or the one with that version. */
async function findSourcePackage(name, repositoryUrl, version, signal) {
    const packages = (await readRepository(repositoryUrl, signal ? { signal } : {})).filter((pkg) => pkg.name === name && pkg.arch === 'src');
    if (version === undefined)
        return newest(packages, (pkg) => pkg);
    return packages.find((pkg) => compareEvr(pkg, version.includes(':') ? version : `${pkg.epoch}:${version}`) === 0);
}
async function fetchSrpm(source, options) {
    switch (source.kind) {
        case 'path':
            return { path: source.path, sha256: await sha256File(source.path), cached: false };
        case 'url':
            return download(source.url, undefined, options);
        case 'latest': {
            const pkg = await findSourcePackage(options.name, options.repositoryUrl, undefined, options.signal);
            if (!pkg)
                throw new InfrastructureError(`the repository ${options.repositoryUrl} has no source package ${options.name}`);
            options.log?.info(`Newest ${options.name} in ${options.repositoryUrl}: ${formatEvr(pkg)}`);
            return download(pkg.url, sha256Of(pkg), options);
        }
        case 'version': {
            const pkg = await findSourcePackage(options.name, options.repositoryUrl, source.version, options.signal);
            if (pkg)
                return download(pkg.url, sha256Of(pkg), options);
            const vault = vaultUrl(options.repositoryUrl, options.name, source.version);
            if (!vault) {
                throw new InfrastructureError(`${options.name}-${source.version} is not in ${options.repositoryUrl}, and its release names no el9 minor version to find it in the vault`);
            }
            return download(vault, undefined, options);
        }
    }
}

;// CONCATENATED MODULE: ./src/rpm/release.ts
/**
 * The rebuilt package must replace the stock one (sort above it) and give way to the next stock
 * update of the same version (sort below it); otherwise hosts keep the wrong kernel or qemu.
 */


/** `.el9_6` from `570.12.1.el9_6`, or undefined. */
function distTag(release) {
    return /\.el\d+(?:_\d+)?/.exec(release)?.[0];
}
/**
 * The smallest plausible next stock release: the last number before the dist tag bumped
 * (570.12.1.el9_6 → 570.12.2.el9_6, 15.el9 → 16.el9).
 */
function nextStockRelease(release) {
    const dist = distTag(release);
    const head = dist ? release.slice(0, release.indexOf(dist)) : release;
    const tail = dist ? release.slice(release.indexOf(dist)) : '';
    const bumped = head.replace(/(\d+)(?!.*\d)/, (n) => String(Number(n) + 1));
    return bumped === head ? `${head}.1${tail}` : `${bumped}${tail}`;
}
function checkReleaseOrder(name, stock, rebuilt) {
    const next = { ...stock, release: nextStockRelease(stock.release ?? '') };
    const check = { stock: formatEvr(stock), rebuilt: formatEvr(rebuilt), nextStock: formatEvr(next) };
    if (compareEvr(rebuilt, stock) <= 0) {
        throw new ConfigurationError(`the rebuilt ${name}-${check.rebuilt} does not sort above the stock ${name}-${check.stock}, so dnf would keep the stock package; ` +
            'use a suffix or buildid that starts with a letter after the dist tag’s (such as .kvm1) or with a digit');
    }
    if (compareEvr(rebuilt, next) >= 0) {
        throw new ConfigurationError(`the rebuilt ${name}-${check.rebuilt} sorts above the next stock update ${name}-${check.nextStock}, so dnf would never replace it; ` +
            'keep the suffix after the stock release instead of raising the release number');
    }
    return check;
}

;// CONCATENATED MODULE: ./src/rpm/srpm.ts
/** Source RPMs to dist-git trees (SPECS/, SOURCES/) and back, without root, with rpm's own tools. */





/** Installs the SRPM's spec and sources under dir/SPECS and dir/SOURCES; returns the spec path. */
async function unpackSrpm(srpm, dir, log) {
    const result = await exec([
        'rpm',
        '-i',
        '--nodeps',
        '--nosignature',
        '--nodigest',
        ...defineArgs({ _topdir: dir }),
        srpm,
    ]);
    // Debian's rpm advises Alien on every -i; anything else rpm says is worth reading.
    const said = `${result.stdout}${result.stderr}`
        .split('\n')
        .filter((line) => line.trim() && !/use Alien instead|should not be used directly/i.test(line));
    log?.info(`Unpacked ${srpm}`);
    for (const line of said)
        log?.info(line);
    const specs = (0,external_node_fs_namespaceObject.readdirSync)((0,external_node_path_namespaceObject.join)(dir, 'SPECS')).filter((name) => name.endsWith('.spec'));
    if (specs.length !== 1)
        throw new InfrastructureError(`${srpm} holds ${specs.length} spec files, expected one`);
    return (0,external_node_path_namespaceObject.join)(dir, 'SPECS', specs[0]);
}
/** `rpmbuild -bs` of the tree's spec; returns the written SRPM. */
async function packSrpm(dir, spec, defines = {}, log) {
    const result = await exec(['rpmbuild', '-bs', ...defineArgs({ _topdir: dir, ...defines }), spec], {
        ...(log ? { log, group: 'Pack the source RPM' } : {}),
    });
    const written = /^Wrote:\s+(\S+\.src\.rpm)$/m.exec(result.stdout)?.[1];
    if (!written)
        throw new InfrastructureError(`rpmbuild -bs ${spec} wrote no source RPM`);
    return written;
}
/** Name and EVR of the source package the spec describes, macros expanded by rpmspec. */
async function specHeader(spec, defines = {}) {
    const result = await exec([
        'rpmspec',
        '-q',
        '--srpm',
        '--qf',
        '%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}\\n',
        ...defineArgs(defines),
        spec,
    ]);
    const [name = '', epoch = '0', version = '', release = ''] = result.stdout.trim().split('\n')[0].split('|');
    return { name, epoch: Number(epoch), version, release };
}

;// CONCATENATED MODULE: ./src/rpm/verify.ts
/** What a build produced, checked against what the caller expects of it. */




const wildcard = (pattern) => new RegExp(`^${pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')}$`);
async function describeRpms(paths) {
    return Promise.all(paths.map(async (path) => {
        const header = await queryPackageFile(path);
        const epoch = header.epoch ? `${header.epoch}:` : '';
        return {
            path,
            ...header,
            nevra: `${header.name}-${epoch}${header.version}-${header.release}.${header.arch}`,
        };
    }));
}
async function rpmQuery(path, flag) {
    const { stdout } = await exec(['rpm', '-qp', '--nosignature', '--nodigest', flag, path]);
    return stdout.split('\n').filter(Boolean);
}
/** Every unmet expectation, as one TestFailure listing them all. */
async function verifyRpms(rpms, expectations) {
    const problems = [];
    for (const expectation of expectations) {
        const matcher = wildcard(expectation.package);
        const candidates = rpms.filter((rpm) => rpm.arch !== 'src' && matcher.test(rpm.name));
        if (candidates.length === 0) {
            problems.push(`no package ${expectation.package} was built (built: ${rpms.map((r) => (0,external_node_path_namespaceObject.basename)(r.path)).join(', ')})`);
            continue;
        }
        for (const rpm of candidates) {
            if (expectation.files?.length) {
                const files = await rpmQuery(rpm.path, '--list');
                for (const file of expectation.files) {
                    if (!files.some((f) => wildcard(file).test(f)))
                        problems.push(`${rpm.nevra} does not contain ${file}`);
                }
            }
            if (expectation.provides?.length) {
                const provides = (await rpmQuery(rpm.path, '--provides')).map((line) => line.split(/\s/)[0]);
                for (const capability of expectation.provides) {
                    if (!provides.includes(capability))
                        problems.push(`${rpm.nevra} does not provide ${capability}`);
                }
            }
        }
    }
    if (problems.length > 0)
        throw new TestFailure(`the built packages miss what is expected: ${problems.join('; ')}`);
}

;// CONCATENATED MODULE: ./src/rpm/rebuild.ts
/**
 * The SRPM rebuild engine that build-kernel and patch-qemu share: fetch the source RPM, skip
 * everything when an identical build is cached, otherwise unpack it, apply recipes, give it a
 * release that sorts right, pack it, build it, check what came out, and cache the result.
 */















function recipeFromSource(source) {
    const dir = (0,external_node_path_namespaceObject.dirname)(source.config);
    return {
        recipe: loadRecipe(source.config),
        filesDir: source.filesDir ?? (0,external_node_path_namespaceObject.join)(dir, 'files'),
        scriptsDir: source.scriptsDir ?? (0,external_node_path_namespaceObject.join)(dir, 'scripts'),
    };
}
function suffixRecipe(suffix) {
    return {
        source: 'release suffix',
        parameters: { insertMarker: true, ignoreVersionMacros: false, ignoreReleaseMacros: false },
        actions: [{ type: 'modify_release', suffix, enabled: true, index: 1 }],
    };
}
/** Where mock reads a configuration given by name. */
function mockConfigFile(name) {
    return name.endsWith('.cfg') ? name : `/etc/mock/${name}.cfg`;
}
function copyRpms(files, dir) {
    (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
    return files.map((file) => {
        const target = (0,external_node_path_namespaceObject.join)(dir, (0,external_node_path_namespaceObject.basename)(file));
        (0,external_node_fs_namespaceObject.copyFileSync)(file, target);
        return target;
    });
}
async function rebuildPackage(options) {
    const { log } = options;
    const fetched = await fetchSrpm(options.source, {
        name: options.package,
        repositoryUrl: options.repositoryUrl,
        cacheDir: options.downloadCacheDir,
        log,
        ...(options.signal ? { signal: options.signal } : {}),
    });
    const stock = await queryPackageFile(fetched.path);
    if (stock.name !== options.package || stock.arch !== 'src') {
        throw new ConfigurationError(`${fetched.path} is ${stock.nvr}.${stock.arch}, not a source RPM of ${options.package}`);
    }
    const dist = distTag(stock.release) ?? '.el9';
    const defines = {
        dist,
        rhel: /\.el(\d+)/.exec(dist)?.[1] ?? '9',
        ...(options.release.kind === 'buildid' ? { buildid: options.release.value } : {}),
        ...options.defines,
    };
    const rpmDir = (0,external_node_path_namespaceObject.join)(options.resultsDir, 'rpms');
    const request = {
        builder: options.builder,
        mockConfig: options.mockConfig,
        resultDir: (0,external_node_path_namespaceObject.join)(options.workDir, options.builder === 'mock' ? 'mock-result' : 'rpmbuild'),
        with: options.with ?? [],
        without: options.without ?? [],
        defines,
        jobs: (0,external_node_os_namespaceObject.cpus)().length,
        ...(options.target ? { target: options.target } : {}),
        ...(options.bindMounts ? { bindMounts: options.bindMounts } : {}),
    };
    const cacheKey = avoidanceKey({
        package: options.package,
        srpmSha256: fetched.sha256,
        recipes: options.recipes.flatMap((r) => [
            r.config,
            r.filesDir ?? (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(r.config), 'files'),
            r.scriptsDir ?? (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(r.config), 'scripts'),
        ]),
        files: {
            ...options.keyFiles,
            // mock builds in the chroot its config describes: the config's content counts, not only its name.
            ...(options.builder === 'mock' ? { 'mock-config': [mockConfigFile(options.mockConfig)] } : {}),
        },
        // Paths vary between runs; everything else of the command decides the output.
        builder: buildCommand({ ...request, srpm: 'SRPM', resultDir: 'RESULT' }),
        extra: { release: options.release, expectations: options.expectations, ...options.keyExtra },
    });
    const hit = await options.cache.restore([rpmDir], cacheKey);
    const restored = hit ? rpmsBelow(rpmDir) : [];
    if (restored.length > 0) {
        log.info(`Build avoided: ${cacheKey} is cached`);
        const rpms = await describeRpms(restored);
        await verifyRpms(rpms, options.expectations);
        const built = rpms.find((rpm) => rpm.arch === 'src') ?? rpms[0];
        return {
            sourceNvr: stock.nvr,
            builtNvr: `${built.name}-${built.version}-${built.release}`,
            rpms,
            rpmDir,
            cacheHit: true,
            cacheKey,
            edits: [],
        };
    }
    const tree = (0,external_node_path_namespaceObject.join)(options.workDir, 'tree');
    (0,external_node_fs_namespaceObject.rmSync)(tree, { recursive: true, force: true });
    const spec = await unpackSrpm(fetched.path, tree, log);
    const edits = [];
    if (options.prepare)
        edits.push(...((await options.prepare(tree, spec, defines)) ?? []));
    const recipes = options.recipes.map(recipeFromSource);
    if (options.release.kind === 'suffix') {
        recipes.push({ recipe: suffixRecipe(options.release.value), filesDir: tree, scriptsDir: tree });
    }
    for (const { recipe, filesDir, scriptsDir } of recipes) {
        edits.push(...(await applyRecipe(recipe, {
            packageDir: tree,
            filesDir,
            scriptsDir,
            date: recipeDate(),
            defines,
            log,
        })));
    }
    if (options.finish)
        edits.push(...((await options.finish(tree, spec, defines, options.resultsDir)) ?? []));
    const rebuilt = await specHeader(spec, defines);
    const release = checkReleaseOrder(options.package, { ...stock, epoch: Number(stock.epoch ?? 0) }, rebuilt);
    const srpm = await packSrpm(tree, spec, defines, log);
    const built = {
        sourceNvr: stock.nvr,
        builtNvr: `${rebuilt.name}-${rebuilt.version}-${rebuilt.release}`,
        release,
        rpmDir,
        cacheHit: false,
        cacheKey,
        edits,
    };
    // The patched source RPM is kept in the results whatever the build does next.
    const [kept] = copyRpms([srpm], rpmDir);
    if (options.skipBuild) {
        const rpms = await describeRpms([kept]);
        return { ...built, rpms, skippedCommand: buildCommand({ ...request, srpm: kept }) };
    }
    const ccacheDir = (0,external_node_path_namespaceObject.join)(options.workDir, 'ccache');
    const ccacheKey = `kvm-actions-ccache-${options.package}${dist}-${cacheKey}`;
    const env = {};
    if (options.ccache) {
        await options.cache.restore([ccacheDir], ccacheKey, [`kvm-actions-ccache-${options.package}${dist}-`]);
        (0,external_node_fs_namespaceObject.mkdirSync)(ccacheDir, { recursive: true });
        env.CCACHE_DIR = ccacheDir;
        // rpmbuild finds ccache's compiler wrappers first on PATH (EL: /usr/lib64/ccache, Debian: /usr/lib/ccache).
        const wrappers = ['/usr/lib64/ccache', '/usr/lib/ccache'].find((dir) => (0,external_node_fs_namespaceObject.existsSync)(dir));
        if (options.builder === 'rpmbuild' && wrappers && findOnPath('ccache'))
            env.PATH = `${wrappers}:${process.env.PATH}`;
    }
    const run = await runBuild({ ...request, srpm, ...(options.ccache && options.builder === 'mock' ? { ccacheDir } : {}) }, {
        logFile: (0,external_node_path_namespaceObject.join)(options.resultsDir, 'logs', 'build.log'),
        log,
        env,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    // rpmbuild --rebuild does not keep the source RPM; mock does. Publish the one that was built from.
    const withSource = run.rpms.some((file) => file.endsWith('.src.rpm')) ? run.rpms : [...run.rpms, srpm];
    const rpms = await describeRpms(copyRpms(withSource, rpmDir));
    await verifyRpms(rpms, options.expectations);
    await options.cache.save([rpmDir], cacheKey);
    if (options.ccache)
        await options.cache.save([ccacheDir], ccacheKey);
    return { ...built, rpms, logFile: run.logFile, buildMs: run.durationMs };
}

;// CONCATENATED MODULE: ./src/rpm/rebuild-step.ts
/**
 * The part of build-kernel and patch-qemu that turns their inputs into a rebuild and its
 * report: shared inputs, the rebuild itself, the summary rows, and a failed build's log tail
 * and first error line (as an annotation).
 */









const rebuildInputs = {
    build: inputs_boolean({
        description: 'Run the build. With false the step stops after the recipes, the validation and the source RPM (kept in the results folder), and reports the command the build would run.',
        default: 'true',
    }),
    ccache: inputs_boolean({
        description: 'Compile through ccache and keep its directory in the Actions cache between runs.',
        default: 'false',
    }),
};
function autopatchInput(description) {
    return list({
        description: `${description} Each entry is an AlmaLinux autopatch config file, or a folder holding config.yaml (with files/ and scripts/ beside it).`,
    });
}
/** Config files or folders (config.yaml inside) as recipe sources; a missing one is a configuration error. */
function recipeSources(entries, workspace, inputName) {
    return entries.map((entry) => {
        const path = (0,external_node_path_namespaceObject.resolve)(workspace, entry);
        const config = (0,external_node_fs_namespaceObject.existsSync)(path) && (0,external_node_fs_namespaceObject.statSync)(path).isDirectory() ? (0,external_node_path_namespaceObject.join)(path, 'config.yaml') : path;
        if (!(0,external_node_fs_namespaceObject.existsSync)(config)) {
            throw new ConfigurationError(`Input '${inputName}' names ${entry}, which is not an autopatch config file or a folder with config.yaml`);
        }
        return { config };
    });
}
async function runRebuildStep(ctx, step) {
    const workDir = createWorkDir(ctx.state, step.package);
    const options = {
        ...step,
        workDir,
        resultsDir: (0,external_node_path_namespaceObject.join)(step.resultsDir, step.package),
        downloadCacheDir: defaultCacheDir(),
        cache: ctx.cache,
        log: ctx.log,
        signal: ctx.signal,
    };
    try {
        return await rebuildPackage(options);
    }
    catch (error) {
        if (error instanceof BuildFailure) {
            ctx.annotate('error', error.errorLine ?? error.message, {
                title: `${step.package} build failed`,
                file: error.logFile,
            });
            ctx.summary.details(`${step.package}: last lines of ${error.logFile}`, error.tail);
        }
        throw error;
    }
}
/** With build: false, the command each package's build would have run. */
function skippedBuildSummary(summary, results) {
    const skipped = results.filter((result) => result.skippedCommand);
    if (skipped.length === 0)
        return;
    summary.paragraph('Build skipped (input build is false): the recipes and checks passed and the source RPM is packed.');
    for (const result of skipped)
        summary.code(describeArgv(result.skippedCommand), 'sh');
}
/** One summary row per rebuilt package. */
function rebuildRow(result) {
    return [
        result.sourceNvr,
        result.builtNvr,
        result.cacheHit ? 'yes (build avoided)' : 'no',
        result.buildMs !== undefined ? formatDuration(result.buildMs) : '—',
        String(result.rpms.length),
    ];
}
const REBUILD_COLUMNS = ['Source', 'Built', 'Cache hit', 'Build time', 'RPMs'];

;// CONCATENATED MODULE: ./src/rpm/source.ts
/**
 * Where a source RPM comes from: a local file, a URL, an exact version of the package in the
 * AlmaLinux repositories, or the newest one there.
 */



const SRPM_SOURCE_FORM = "a path to a .src.rpm, an http(s):// or file:// URL, an exact version such as 5.14.0-570.12.1.el9_6, or 'latest'";
function parseSrpmSource(raw, workspace) {
    if (raw === 'latest')
        return { kind: 'latest' };
    if (/^(https?|file):\/\//.test(raw)) {
        try {
            return { kind: 'url', url: new URL(raw).href };
        }
        catch {
            throw new InvalidValue('not a valid URL');
        }
    }
    if (raw.endsWith('.rpm')) {
        const path = (0,external_node_path_namespaceObject.resolve)(workspace, raw);
        if (!(0,external_node_fs_namespaceObject.existsSync)(path))
            throw new InvalidValue('no such file');
        return { kind: 'path', path };
    }
    if (RPM_VERSION.test(raw) && raw.includes('-'))
        return { kind: 'version', version: raw };
    throw new InvalidValue();
}
function srpmSourceInput(options) {
    return custom(options, SRPM_SOURCE_FORM, (raw, ctx) => parseSrpmSource(raw, ctx.workspace));
}

;// CONCATENATED MODULE: ./src/kernel/config.ts
/**
 * Kernel config files as the kernel SRPM keeps them (SOURCES/kernel-<arch>[-debug]-rhel.config):
 * reading, setting options in the form the spec's config processing accepts, and asserting the
 * result. `n` stands for "# CONFIG_X is not set".
 */



/** The KVM-HV profile for ppc64le, as RHEL-derived trees with KVM on set it (domain notes, section 2). */
const KVM_PROFILE = [
    { name: 'KVM_BOOK3S_64', value: 'm' },
    { name: 'KVM_BOOK3S_64_HV', value: 'm' },
    { name: 'KVM_BOOK3S_64_PR', value: 'n' },
    { name: 'KVM_XICS', value: 'y' },
    { name: 'KVM_BOOK3S_HV_EXIT_TIMING', value: 'n' },
    { name: 'KVM_BOOK3S_HV_P8_TIMING', value: 'n' },
    { name: 'KVM_BOOK3S_HV_P9_TIMING', value: 'n' },
    // Kconfig's own advice ("if unsure, say Y"); older trees lack the option.
    { name: 'KVM_BOOK3S_HV_NESTED_PMU_WORKAROUND', value: 'y', onlyIfKnown: true },
];
/** One entry per option, later entries (fragments) overriding earlier ones (the profile). */
function mergeOptions(options) {
    const byName = new Map();
    for (const option of options) {
        byName.delete(option.name);
        byName.set(option.name, option);
    }
    return [...byName.values()];
}
const SET = /^CONFIG_([A-Za-z0-9_]+)=(.*)$/;
const UNSET = /^# CONFIG_([A-Za-z0-9_]+) is not set$/;
function formatOption(option) {
    return option.value === 'n' ? `# CONFIG_${option.name} is not set` : `CONFIG_${option.name}=${option.value}`;
}
function parseLine(line) {
    const set = SET.exec(line.trim());
    if (set)
        return { name: set[1], value: set[2] };
    const unset = UNSET.exec(line.trim());
    return unset ? { name: unset[1], value: 'n' } : undefined;
}
/** name → value for every option the config mentions (the last mention wins, as Kconfig reads it). */
function readConfig(text) {
    const values = new Map();
    for (const line of text.split('\n')) {
        const option = parseLine(line);
        if (option)
            values.set(option.name, option.value);
    }
    return values;
}
/** A fragment file: `CONFIG_X=y` and `# CONFIG_X is not set` lines; other comments and blanks ignored. */
function parseFragment(text, source) {
    return text.split('\n').flatMap((line, index) => {
        const trimmed = line.trim();
        const option = parseLine(trimmed);
        if (option)
            return [option];
        if (trimmed === '' || trimmed.startsWith('#'))
            return [];
        throw new ConfigurationError(`${source}:${index + 1}: ${JSON.stringify(trimmed)} is not a config line; expected CONFIG_X=value or # CONFIG_X is not set`);
    });
}
/**
 * Sets each option in place (its first mention rewritten, any others removed) or appends it, so
 * every option appears exactly once. Options marked onlyIfKnown are set only if known(name).
 */
function applyOptions(text, options, known = () => false) {
    const lines = text.replace(/\n$/, '').split('\n');
    const current = readConfig(text);
    const changes = [];
    for (const option of options) {
        if (option.onlyIfKnown && !current.has(option.name) && !known(option.name))
            continue;
        const wanted = formatOption(option);
        const mentions = lines.flatMap((line, index) => (parseLine(line)?.name === option.name ? [index] : []));
        if (mentions.length === 0)
            lines.push(wanted);
        else {
            lines[mentions[0]] = wanted;
            for (const index of mentions.slice(1).reverse())
                lines.splice(index, 1);
        }
        const from = current.get(option.name);
        changes.push({ name: option.name, ...(from !== undefined ? { from } : {}), to: option.value });
    }
    return { text: lines.join('\n') + '\n', changes };
}
/** Each problem names the file: an option missing, repeated, or with another value. */
function assertOptions(text, options, file) {
    const lines = text.split('\n').map(parseLine);
    return options.flatMap((option) => {
        const mentions = lines.filter((line) => line?.name === option.name);
        if (option.onlyIfKnown && mentions.length === 0)
            return [];
        if (mentions.length !== 1)
            return [`${file}: CONFIG_${option.name} appears ${mentions.length} times, expected once`];
        return mentions[0].value === option.value
            ? []
            : [`${file}: ${formatOption(mentions[0])} where ${formatOption(option)} was asked for`];
    });
}
/** Every ppc64le config of the SRPM (base, debug, and any other variant). */
function ppc64leConfigs(sourcesDir) {
    return (0,external_node_fs_namespaceObject.readdirSync)(sourcesDir)
        .filter((name) => /^kernel-.*ppc64le.*\.config$/.test(name))
        .sort()
        .map((name) => (0,external_node_path_namespaceObject.join)(sourcesDir, name));
}

;// CONCATENATED MODULE: ./src/kernel/checks.ts
/**
 * What build-kernel checks of its own work: the KVM options in every ppc64le config before the
 * build, and after it the KVM modules and the packaged /boot/config of the built KVERREL.
 */





/** Sets the options in every ppc64le config under SOURCES and asserts each appears once with its value. */
function applyKernelOptions(sourcesDir, options, known) {
    const configs = ppc64leConfigs(sourcesDir);
    if (configs.length === 0)
        throw new ConfigurationError(`the source RPM has no ppc64le kernel configs in ${sourcesDir}`);
    const reports = configs.map((config) => {
        const { text, changes } = applyOptions((0,external_node_fs_namespaceObject.readFileSync)(config, 'utf8'), options, known);
        (0,external_node_fs_namespaceObject.writeFileSync)(config, text);
        return { file: (0,external_node_path_namespaceObject.basename)(config), changes };
    });
    const problems = configs.flatMap((config) => assertOptions((0,external_node_fs_namespaceObject.readFileSync)(config, 'utf8'), options, (0,external_node_path_namespaceObject.basename)(config)));
    if (problems.length > 0)
        throw new ConfigurationError(`kernel config assertion failed: ${problems.join('; ')}`);
    return reports;
}
const KVM_MODULES = ['kvm.ko', 'kvm-hv.ko'];
const checks_escape = (text) => text.replace(/[.+]/g, '\\$&');
async function checkKernelRpms(rpms, options, kvm, kvmPackage = 'subpackage') {
    const core = rpms.find((rpm) => rpm.name === 'kernel-core') ??
        rpms.find((rpm) => rpm.name === 'kernel' && rpm.arch !== 'src');
    if (!core)
        throw new TestFailure(`no kernel-core package was built (built: ${rpms.map((r) => r.nevra).join(', ')})`);
    const kverrel = `${core.version}-${core.release}.${core.arch}`;
    const coreFiles = await listPackageFiles(core.path);
    const problems = [];
    const vmlinux = coreFiles.find((file) => new RegExp(`^/lib/modules/${checks_escape(kverrel)}/vmlinu[xz]$`).test(file)) ??
        coreFiles.find((file) => new RegExp(`^/boot/vmlinu[xz]-${checks_escape(kverrel)}$`).test(file));
    if (!vmlinux)
        problems.push(`${core.nevra} has no kernel image for ${kverrel}`);
    const kvmModules = [];
    if (kvm) {
        const binaries = rpms.filter((rpm) => rpm.arch !== 'src' && rpm.name.startsWith('kernel'));
        const lists = await Promise.all(binaries.map(async (rpm) => ({ rpm, files: await listPackageFiles(rpm.path) })));
        for (const module of KVM_MODULES) {
            // Anywhere below the release's module folder: kernel/arch/powerpc/kvm/, or kvm/ after the split.
            const pattern = new RegExp(`^/lib/modules/${checks_escape(kverrel)}/.*/${checks_escape(module)}(\\.(xz|gz|zst))?$`);
            const owners = lists.filter(({ files }) => files.some((file) => pattern.test(file)));
            const names = owners.map((owner) => owner.rpm.name);
            for (const name of names)
                kvmModules.push({ module, package: name });
            if (owners.length === 0)
                problems.push(`no package contains /lib/modules/${kverrel}/…/${module}*`);
            else if (owners.length > 1)
                problems.push(`${module} is in ${names.length} packages: ${names.join(', ')}`);
            else if (kvmPackage === 'subpackage' && names[0] !== 'kernel-kvm')
                problems.push(`${module} is in ${names[0]}, not kernel-kvm (kvm-package: subpackage)`);
            else if (kvmPackage === 'modules' && names[0].endsWith('-kvm'))
                problems.push(`${module} is in ${names[0]} (kvm-package: modules)`);
        }
    }
    // EL9 packages the config in the module folder; /boot/config-* is a %ghost there.
    const configPath = [`/lib/modules/${kverrel}/config`, `/boot/config-${kverrel}`].find((path) => coreFiles.includes(path));
    if (!configPath)
        problems.push(`${core.nevra} has no /lib/modules/${kverrel}/config`);
    else {
        const packaged = readConfig(await extractPackageFile(core.path, configPath));
        for (const option of options) {
            const value = packaged.get(option.name);
            if (option.onlyIfKnown && value === undefined)
                continue;
            if ((value ?? 'n') !== option.value) {
                problems.push(`${configPath} has CONFIG_${option.name}=${value ?? '(unset)'}, expected ${option.value}`);
            }
        }
    }
    if (problems.length > 0)
        throw new TestFailure(`the built kernel is not what was asked for: ${problems.join('; ')}`);
    return { nvr: `kernel-${core.version}-${core.release}`, kverrel, vmlinux: vmlinux, kvmModules };
}

// EXTERNAL MODULE: ./node_modules/proper-lockfile/index.js
var proper_lockfile = __nccwpck_require__(3648);
var proper_lockfile_default = /*#__PURE__*/__nccwpck_require__.n(proper_lockfile);
;// CONCATENATED MODULE: ./src/fs/install-once.ts
/**
 * A folder in a cache shared by every run on the host (several runner services on one POWER box
 * are common): made once, by whichever run gets there first, and never seen half-made. The maker
 * writes into a temporary folder beside the target and renames it into place, all under a lock
 * (proper-lockfile: an mkdir lock with a heartbeat, taken over when its holder died).
 */



/** Returns target, made by `make(tempDir)` unless a complete one is there already. */
async function installOnce(target, make, options) {
    if ((0,external_node_fs_namespaceObject.existsSync)(target) && options.ready(target))
        return target;
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true });
    const waitMs = options.waitMs ?? 15 * 60_000;
    const release = await proper_lockfile_default().lock(target, {
        realpath: false,
        stale: 30_000,
        update: 5_000,
        retries: { retries: Math.ceil(waitMs / 1_000), factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
    });
    try {
        // Another run may have made it while this one waited for the lock.
        if ((0,external_node_fs_namespaceObject.existsSync)(target) && options.ready(target))
            return target;
        const partial = `${target}.partial-${process.pid}`;
        (0,external_node_fs_namespaceObject.rmSync)(partial, { recursive: true, force: true });
        (0,external_node_fs_namespaceObject.mkdirSync)(partial, { recursive: true });
        try {
            await make(partial);
            (0,external_node_fs_namespaceObject.rmSync)(target, { recursive: true, force: true });
            (0,external_node_fs_namespaceObject.renameSync)(partial, target);
        }
        finally {
            (0,external_node_fs_namespaceObject.rmSync)(partial, { recursive: true, force: true });
        }
        return target;
    }
    finally {
        await release();
    }
}

;// CONCATENATED MODULE: ./src/kernel/kconfig.ts
/**
 * The kernel's own Kconfig as the judge of a config, before hours of building: run
 * `make olddefconfig` for ARCH=powerpc on the final config (only the config step, so a cross
 * toolchain on x86 is enough) and report every requested option that Kconfig changed, with the
 * dependency or select that forced it.
 */










/** What olddefconfig needs of a source tree: Kconfig and make files, scripts/, arch/powerpc, include/. */
const CONFIG_STEP_PATHS = [
    '*/Kconfig*',
    '*/Makefile*',
    '*/Kbuild*',
    '*/scripts/*',
    '*/arch/powerpc/*',
    '*/include/*',
];
function isKernelTree(dir) {
    return (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'Makefile')) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'arch', 'powerpc', 'kvm', 'Kconfig'));
}
/**
 * A kernel source folder, or a tarball (linux-*.tar.xz as the SRPM ships it) unpacked once into
 * cacheDir, keyed by the tarball's name and size, with only the files the config step reads.
 */
async function prepareKernelSource(source, cacheDir, log) {
    if ((0,external_node_fs_namespaceObject.statSync)(source).isDirectory()) {
        if (!isKernelTree(source))
            throw new InfrastructureError(`${source} is not a kernel source tree (no arch/powerpc/kvm/Kconfig)`);
        return source;
    }
    const id = (0,external_node_crypto_namespaceObject.createHash)('sha256')
        .update(`${source}:${(0,external_node_fs_namespaceObject.statSync)(source).size}:${(0,external_node_fs_namespaceObject.statSync)(source).mtimeMs}`)
        .digest('hex')
        .slice(0, 16);
    const target = (0,external_node_path_namespaceObject.join)(cacheDir, 'kernel-source', id);
    const treeIn = (dir) => (0,external_node_fs_namespaceObject.existsSync)(dir)
        ? (0,external_node_fs_namespaceObject.readdirSync)(dir)
            .map((name) => (0,external_node_path_namespaceObject.join)(dir, name))
            .find(isKernelTree)
        : undefined;
    await installOnce(target, async (dir) => {
        await exec(['tar', '-xf', source, '-C', dir, '--wildcards', ...CONFIG_STEP_PATHS], {
            ...(log ? { log, group: `Unpack the Kconfig files of ${source}` } : {}),
        });
    }, { ready: (dir) => treeIn(dir) !== undefined });
    const unpacked = treeIn(target);
    if (!unpacked)
        throw new InfrastructureError(`${source} holds no kernel source tree with arch/powerpc/kvm/Kconfig`);
    return unpacked;
}
/** What of a kernel source decides the Kconfig check: a tarball's bytes, or a tree's Kconfig files. */
function kernelSourceDigest(source) {
    return digestTree(source, /^Kconfig/);
}
/** make's arguments for a powerpc config step on this host: native on ppc64le, else the cross toolchain. */
function powerpcMakeArgs() {
    if ((0,external_node_os_namespaceObject.arch)() === 'ppc64')
        return ['ARCH=powerpc'];
    const cross = 'powerpc64le-linux-gnu-';
    if (!findOnPath(`${cross}gcc`)) {
        throw new InfrastructureError(`the Kconfig check needs ${cross}gcc on this ${(0,external_node_os_namespaceObject.arch)()} host (only the config step runs); run scripts/setup-host.sh`);
    }
    return ['ARCH=powerpc', `CROSS_COMPILE=${cross}`];
}
/** Runs `make <target>` in an output folder of its own and returns the resulting .config. */
async function runConfigTarget(sourceDir, target, config, log) {
    const out = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'kconfig-out-'));
    try {
        if (config !== undefined)
            (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(out, '.config'), config);
        await exec(['make', '-s', '-C', sourceDir, `O=${out}`, ...powerpcMakeArgs(), target], {
            ...(log ? { log, group: `make ${target}` } : {}),
        });
        return (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(out, '.config'), 'utf8');
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(out, { recursive: true, force: true });
    }
}
/** config/menuconfig blocks of every Kconfig file: each symbol's `depends on` and who selects it. */
function kconfigIndex(sourceDir) {
    const index = new Map();
    const entry = (name) => {
        if (!index.has(name))
            index.set(name, { depends: [], selectedBy: [] });
        return index.get(name);
    };
    const files = (0,external_node_fs_namespaceObject.readdirSync)(sourceDir, { recursive: true, encoding: 'utf8' }).filter((file) => /(^|\/)Kconfig[^/]*$/.test(file));
    for (const file of files) {
        let current;
        for (const raw of (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(sourceDir, file), 'utf8').split('\n')) {
            const line = raw.trim();
            const block = /^(?:menu)?config\s+([A-Za-z0-9_]+)/.exec(line);
            if (block) {
                current = block[1];
                entry(current);
                continue;
            }
            if (/^(menu|endmenu|choice|endchoice|if|endif|source|comment)\b/.test(line))
                current = undefined;
            if (!current)
                continue;
            const depends = /^depends on\s+(.+)$/.exec(line);
            if (depends)
                entry(current).depends.push(depends[1].trim());
            const select = /^select\s+([A-Za-z0-9_]+)/.exec(line);
            if (select)
                entry(select[1]).selectedBy.push(current);
        }
    }
    return index;
}
const isOn = (value) => value === 'y' || value === 'm';
/** Why Kconfig changed a requested value, from the symbol's dependencies and selectors. */
function explain(option, final, values, index) {
    const symbol = index.get(option.name);
    if (!symbol)
        return `CONFIG_${option.name} does not exist in this kernel tree`;
    if (option.value === 'm' && final === 'y' && !isOn(values.get('MODULES'))) {
        return 'CONFIG_MODULES is off, so a module request becomes built-in';
    }
    if (isOn(option.value) && !isOn(final)) {
        const unmet = symbol.depends
            .flatMap((expression) => [...expression.matchAll(/!?[A-Z][A-Z0-9_]+/g)].map((m) => m[0]))
            .filter((name) => (name.startsWith('!') ? isOn(values.get(name.slice(1))) : !isOn(values.get(name))));
        const deps = symbol.depends.join(' && ');
        return unmet.length > 0
            ? `depends on ${deps}; not met: ${[...new Set(unmet)].map((n) => (n.startsWith('!') ? `${n.slice(1)} is set` : `${n} is off`)).join(', ')}`
            : `depends on ${deps || '(nothing listed)'}; a menu or if block around it is off`;
    }
    if (!isOn(option.value) && isOn(final)) {
        const selectors = symbol.selectedBy.filter((name) => isOn(values.get(name)));
        return selectors.length > 0
            ? `selected by ${selectors.join(', ')}`
            : 'forced on by its default or a select';
    }
    return `Kconfig allows only ${final} here`;
}
/** olddefconfig on the config text, then each requested option compared with what Kconfig kept. */
async function checkWithKconfig(sourceDir, configText, options, index, log) {
    const values = readConfig(await runConfigTarget(sourceDir, 'olddefconfig', configText, log));
    return options.flatMap((option) => {
        if (option.onlyIfKnown && !index.has(option.name))
            return [];
        const final = values.get(option.name) ?? 'n';
        const kept = final === option.value;
        return [
            {
                name: option.name,
                requested: option.value,
                final,
                kept,
                ...(kept ? {} : { reason: explain(option, final, values, index) }),
            },
        ];
    });
}
function describeFinding(file, finding) {
    return `${file}: ${formatOption({ name: finding.name, value: finding.requested })} became ${formatOption({ name: finding.name, value: finding.final })} (${finding.reason})`;
}

;// CONCATENATED MODULE: ./src/kernel/kconfig-step.ts
/**
 * The Kconfig check as build-kernel runs it on the unpacked SRPM: the kernel tree comes from the
 * kernel-source input or the SRPM's own linux-*.tar.xz; every ppc64le config is checked, and any
 * requested option that Kconfig would change fails the step before the build starts.
 */





/** The kernel tarball the SRPM ships (linux-<version>-<release>.tar.xz), if any. */
function srpmKernelTarball(sourcesDir) {
    const name = (0,external_node_fs_namespaceObject.readdirSync)(sourcesDir).find((file) => /^linux-.*\.tar\.(xz|gz|bz2)$/.test(file));
    return name ? (0,external_node_path_namespaceObject.join)(sourcesDir, name) : undefined;
}
/** Adds each config's Kconfig findings to its report; throws a TestFailure naming every dropped option. */
async function kconfigCheck(source, configs, reports, options, log) {
    const tree = await prepareKernelSource(source, defaultCacheDir(), log);
    const index = kconfigIndex(tree);
    const dropped = [];
    for (const config of configs) {
        const findings = await checkWithKconfig(tree, (0,external_node_fs_namespaceObject.readFileSync)(config, 'utf8'), options, index, log);
        const report = reports.find((r) => r.file === (0,external_node_path_namespaceObject.basename)(config));
        if (report)
            report.kconfig = findings;
        dropped.push(...findings.filter((f) => !f.kept).map((f) => describeFinding((0,external_node_path_namespaceObject.basename)(config), f)));
    }
    if (dropped.length > 0) {
        throw new TestFailure(`Kconfig drops requested options, so the build would not be what was asked: ${dropped.join('; ')}`);
    }
}

;// CONCATENATED MODULE: ./src/kernel/kvm-package.ts
/**
 * Where kvm.ko and kvm-hv.ko are packaged. AlmaLinux ships them in a `kernel-kvm` subpackage;
 * `modules` keeps them in the base kernel's module packages.
 *
 * The EL9 spec has two shapes. From 9.4 on, `%define kernel_kvm_package()` exists inside
 * `%if %{with_realtime}`, the variant package and files macros call it and list the kvm
 * modules for rt variants only, and BuildKernel moves the modules of mod-kvm.list out with the
 * split script behind shell `$Variant` gates for rt. On ppc64le (no realtime) none of that runs,
 * so each of those places is opened to the base variant on ppc64le. The 9.0 to 9.3 specs have no
 * kvm macro at all: there the package, its file list and the split are added beside the spec's
 * own split of the internal modules.
 */




/** The architecture whose base kernel gets kernel-kvm, and the modules it must hold. */
const KVM_ARCH = 'ppc64le';
const KVM_MODULE_NAMES = ['kvm', 'kvm-hv'];
const KVM_LIST = 'mod-kvm.list';
/** True for the base variant on ppc64le: rpm's `%{?N}` is empty for the base kernel. */
const baseMacroCondition = (argument) => `"%{?${argument}}%{_target_cpu}" == "${KVM_ARCH}"`;
/** The same in BuildKernel's shell, where the variant is `$Variant` (empty for the base kernel). */
const BASE_SHELL_TEST = `"\${Variant}%{_target_cpu}" == "${KVM_ARCH}"`;
/** The same for `[ … ]`, which takes `=`. */
const BASE_POSIX_TEST = BASE_SHELL_TEST.replace('==', '=');
const MARK = '# kvm-actions:';
const DEFINITION = /^%define\s+kernel_kvm_package\(\)/;
const POST_DEFINITION = /^%define\s+kernel_kvm_post\(\)/;
const INVOCATION = /%\{expand:%%kernel_kvm_package\b|^\s*%kernel_kvm_package\b/;
const MACRO_IF = /^%if\b(.*)\\$/;
function shapeError(spec, what, expected) {
    return new ConfigurationError(`${spec}: cannot ${what}: expected ${expected}. The spec has changed shape; report it, or use the other kvm-package mode`);
}
const cannotPackage = (spec, expected) => shapeError(spec, 'make the kernel-kvm subpackage', expected);
/** Index of the `%else\` / `%endif\` that ends the branch opened at `start` inside a macro body. */
function macroBranchEnd(lines, start) {
    let depth = 0;
    let elseAt;
    for (let index = start + 1; index < lines.length; index++) {
        const line = lines[index].trim();
        if (!line.endsWith('\\') && !/^%\{nil\}/.test(line))
            break;
        if (/^%if\w*\b/.test(line))
            depth++;
        else if (/^%else\b/.test(line) && depth === 0)
            elseAt ??= index;
        else if (/^%endif\b/.test(line)) {
            if (depth === 0)
                return { ...(elseAt !== undefined ? { else: elseAt } : {}), endif: index };
            depth--;
        }
    }
    return { endif: -1 };
}
/**
 * Opens a realtime-only branch of a macro body (`%if "%{N}" == "rt" || …\`) to the base variant on
 * ppc64le: the branch's lines are repeated after its `%endif\` under the base condition, so the
 * `%else` branch (the unified kernel image) is left as it is.
 */
function openMacroBranch(lines, at) {
    const condition = MACRO_IF.exec(lines[at].trim())?.[1] ?? '';
    const argument = /"%\{\??(\d)\}"\s*==\s*"rt"/.exec(condition)?.[1];
    if (!argument)
        return false;
    const { else: elseAt, endif } = macroBranchEnd(lines, at);
    if (endif === -1)
        return false;
    const body = lines.slice(at + 1, elseAt ?? endif);
    lines.splice(endif + 1, 0, `%if ${baseMacroCondition(argument)}\\`, ...body, '%endif\\');
    return true;
}
/** The `%if…\` in a macro body that encloses `index` most closely. */
function enclosingMacroIf(lines, index) {
    const open = enclosingConditionals(lines, index).filter((c) => c.keyword === 'if');
    const last = open.at(-1);
    return last && lines[last.line].trim().endsWith('\\') && !last.inElse ? last.line : -1;
}
/** `if [[ … ]]; then` / `if [ … ] || [ … ]; then` on `$Variant` gains the base-variant test. */
function openShellGate(lines, at) {
    const match = SHELL_IF.exec(lines[at]);
    if (!match || !/\$\{?Variant\}?/.test(match[2]) || lines[at].includes('%{_target_cpu}'))
        return false;
    const test = match[2].trim();
    const opened = /^\[\[.*\]\]$/.test(test)
        ? `${test.slice(0, -2).trimEnd()} || ${BASE_SHELL_TEST} ]]`
        : `${test} || [ ${BASE_POSIX_TEST} ]`;
    lines[at] = `${match[1]}if ${opened}; then`;
    return true;
}
/** The module names in SOURCES/mod-kvm.list (none when there is no such file). */
function readKvmList(sourcesDir) {
    const file = (0,external_node_path_namespaceObject.join)(sourcesDir, KVM_LIST);
    return (0,external_node_fs_namespaceObject.existsSync)(file)
        ? (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : [];
}
/** mod-kvm.list names kvm and kvm-hv (EL9 lists the x86 modules; kvm-hv is missing). */
function completeKvmList(sourcesDir) {
    const names = readKvmList(sourcesDir);
    const added = KVM_MODULE_NAMES.filter((name) => !names.includes(name));
    if (added.length > 0)
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(sourcesDir, KVM_LIST), [...names, ...added].join('\n') + '\n');
    return added;
}
/** The spec's Source number of mod-kvm.list, if it has one. */
function kvmListSource(lines) {
    return numberedTags(lines, 'Source').find((tag) => tag.value === KVM_LIST)?.number;
}
/** The `%if %{with_realtime}` around a macro definition also holds on ppc64le; false if none did. */
function openRealtimeGate(lines, definition) {
    let opened = false;
    for (const gate of enclosingConditionals(lines, definition)) {
        if (gate.keyword !== 'if' || !gate.args.includes('with_realtime') || gate.inElse)
            continue;
        lines[gate.line] = `%if ${gate.args} || "%{_target_cpu}" == "${KVM_ARCH}"`;
        opened = true;
    }
    return opened;
}
/**
 * The conditional lines around the base kernel's `%kernel_variant_package` (no variant): its
 * packages exist only where these hold, so kernel-kvm's sections must sit inside them too.
 */
function basePackageConditions(lines, spec) {
    const at = lines.findIndex((line) => /^%kernel_variant_package\s*$/.test(line.trim()));
    if (at === -1)
        throw cannotPackage(spec, "a '%kernel_variant_package' line for the base kernel");
    const open = enclosingConditionals(lines, at);
    if (open.some((c) => c.inElse))
        throw cannotPackage(spec, "the base kernel's packages outside any %else");
    return open.map((c) => lines[c.line].trim());
}
/** `body` for the base kernel on ppc64le: inside `%ifarch ppc64le` and the given conditions. */
function forBaseOnPpc64le(conditions, body) {
    return [`%ifarch ${KVM_ARCH}`, ...conditions, ...body, ...conditions.map(() => '%endif'), '%endif'];
}
/**
 * kernel-kvm runs depmod after install and removal, as the rt kvm packages do, so `modprobe
 * kvm_hv` finds the modules: through the spec's `%kernel_kvm_post` where it has one (opened like
 * the package macro), else written out. Placed before the file lists, with the scriptlets.
 */
function addKvmScriptlets(lines, spec) {
    const definition = lines.findIndex((line) => POST_DEFINITION.test(line));
    let body = ['%post kvm', '/sbin/depmod -a %{KVERREL}', '%postun kvm', '/sbin/depmod -a %{KVERREL}'];
    if (definition !== -1) {
        openRealtimeGate(lines, definition);
        body = ['%kernel_kvm_post'];
    }
    const at = lines.findIndex((line) => /^%define\s+kernel_variant_files\b/.test(line));
    if (at === -1)
        throw cannotPackage(spec, "a '%define kernel_variant_files' line");
    lines.splice(at, 0, ...forBaseOnPpc64le(basePackageConditions(lines, spec), body), '');
    return 'kernel-kvm runs depmod after install and removal';
}
/** 9.4 and later: every rt-only place of the kvm package opened to the base variant on ppc64le. */
function openRealtimeKvm(lines, spec) {
    const details = [];
    const definition = lines.findIndex((line) => DEFINITION.test(line));
    if (openRealtimeGate(lines, definition))
        details.push('kernel_kvm_package defined on ppc64le');
    // The variant package and files macros: the rt-only branches that declare or list kvm.
    const branches = new Set();
    const packaged = [];
    const listed = [];
    lines.forEach((line, index) => {
        if (!line.trimEnd().endsWith('\\'))
            return;
        if (INVOCATION.test(line) && !DEFINITION.test(line))
            packaged.push(index);
        else if (/%%files\b.*\bkvm\b/.test(line))
            listed.push(index);
    });
    if (packaged.length === 0)
        throw cannotPackage(spec, "a '%{expand:%%kernel_kvm_package …}' line in the variant package macro");
    if (listed.length === 0)
        throw cannotPackage(spec, "a '%{expand:%%files … kvm}' line in the variant files macro");
    for (const index of [...packaged, ...listed]) {
        const gate = enclosingMacroIf(lines, index);
        if (gate !== -1)
            branches.add(gate);
    }
    let opened = 0;
    for (const gate of [...branches].sort((a, b) => b - a))
        if (openMacroBranch(lines, gate))
            opened++;
    if (opened > 0)
        details.push(`variant package and files macros: kernel-kvm for the base kernel (${opened} branch(es))`);
    // BuildKernel: the split and the file list of mod-kvm.list behind `$Variant` gates.
    const source = kvmListSource(lines);
    if (source === undefined)
        throw cannotPackage(spec, `a 'SourceNN: ${KVM_LIST}' line`);
    const split = new RegExp(`%\\{SOURCE${source}\\}\\s+kvm\\s*$`);
    const users = lines.flatMap((line, index) => (split.test(line) || line.includes(KVM_LIST)) && !/^Source\d*:/i.test(line.trim()) ? [index] : []);
    if (!users.some((index) => split.test(lines[index])))
        throw cannotPackage(spec, `a line that splits the modules of %{SOURCE${source}} into kvm`);
    const gates = new Set(users.map((index) => enclosingShellIf(lines, index)).filter((at) => at !== -1));
    let shell = 0;
    for (const gate of gates)
        if (openShellGate(lines, gate))
            shell++;
    if (shell > 0)
        details.push(`BuildKernel: ${shell} $Variant gate(s) opened to the base kernel`);
    return details;
}
/**
 * A line matching `anchor`, repeated after itself for mod-kvm.list under the base-variant gate;
 * a missing anchor is an error when `expected` describes it, and skipped otherwise.
 */
function twinForKvm(lines, spec, anchor, rewrite, expected) {
    const index = lines.findIndex((line) => anchor.test(line));
    if (index === -1) {
        if (expected)
            throw cannotPackage(spec, expected);
        return;
    }
    const indent = /^\s*/.exec(lines[index])[0];
    lines.splice(index + 1, 0, `${indent}if [ ${BASE_POSIX_TEST} ]; then`, `${indent}  ${rewrite(lines[index].trim())}`, `${indent}fi`);
}
/** The condition of a base kernel's `%kernel_variant_files [-k image] <use_vdso> <condition>` line. */
function baseFilesCondition(line) {
    const words = /^%kernel_variant_files\s+(.*)$/.exec(line.trim())?.[1]?.split(/\s+/);
    if (!words)
        return undefined;
    const positional = words.filter((word, i) => !word.startsWith('-') && !words[i - 1]?.startsWith('-'));
    return positional.length === 2 ? positional[1] : undefined;
}
/** 9.0 to 9.3: the package, its file list and the split, modelled on the internal modules'. */
function addBaseKvm(lines, spec, sourcesDir) {
    let source = kvmListSource(lines);
    if (source === undefined) {
        const tags = numberedTags(lines, 'Source');
        const used = new Set(tags.map((tag) => tag.number));
        source = used.has(86) ? Math.max(...used) + 1 : 86;
        const after = tags.at(-1)?.line ?? -1;
        if (after === -1)
            throw cannotPackage(spec, "a 'SourceNN:' line");
        lines.splice(after + 1, 0, `Source${source}: ${KVM_LIST}`);
    }
    completeKvmList(sourcesDir);
    const internalSplit = /^\s*(%\{SOURCE\d+\})\s+\$RPM_BUILD_ROOT\s+lib\/modules\/\$KernelVer\s+\S+\s+internal\s*$/;
    const splitter = internalSplit.exec(lines.find((line) => internalSplit.test(line)) ?? '')?.[1];
    if (!splitter) {
        throw cannotPackage(spec, "a line '%{SOURCE20} $RPM_BUILD_ROOT lib/modules/$KernelVer %{SOURCE84} internal' (the split of the internal modules)");
    }
    twinForKvm(lines, spec, internalSplit, () => `${splitter} $RPM_BUILD_ROOT lib/modules/$KernelVer %{SOURCE${source}} kvm`);
    twinForKvm(lines, spec, /^\s*xargs rm -rf < mod-internal\.list\s*$/, () => `xargs rm -rf < ${KVM_LIST}`, "a line 'xargs rm -rf < mod-internal.list'");
    twinForKvm(lines, spec, /mod-internal\.list\s*>>\s*\S*-modules-internal\.list\s*$/, (line) => line.replace('mod-internal.list', KVM_LIST).replace(/-modules-internal\.list\s*$/, '-kvm.list'), 'a line that appends mod-internal.list to the modules-internal file list');
    twinForKvm(lines, spec, /^\s*rm -f \$RPM_BUILD_ROOT\/mod-internal\.list\s*$/, () => `rm -f $RPM_BUILD_ROOT/${KVM_LIST}`);
    const conditions = basePackageConditions(lines, spec);
    const prep = lines.findIndex((line) => /^%prep\b/.test(line));
    if (prep === -1)
        throw cannotPackage(spec, "a '%prep' line");
    lines.splice(prep, 0, `${MARK} kernel-kvm for the base kernel on ${KVM_ARCH}; this spec has no kvm package macro`, ...forBaseOnPpc64le(conditions, [
        '%package kvm',
        'Summary: KVM modules for package kernel',
        'Requires: kernel-core = %{version}-%{release}',
        'Provides: installonlypkg(kernel-module)',
        '%description kvm',
        'The KVM modules (kvm, kvm-hv) of the kernel package, for guests under KVM-HV.',
    ]), '');
    // The base kernel's files exist where its `%kernel_variant_files … <condition>` line says.
    const baseFiles = lines.findIndex((line) => baseFilesCondition(line) !== undefined);
    if (baseFiles === -1)
        throw cannotPackage(spec, "a '%kernel_variant_files <use_vdso> <condition>' line for the base kernel");
    const lastFiles = lines.findLastIndex((line) => /^%kernel_variant_files\b/.test(line));
    lines.splice(lastFiles + 1, 0, ...forBaseOnPpc64le([...conditions, `%if ${baseFilesCondition(lines[baseFiles])}`], ['%files -f kernel-kvm.list kvm', '%dir /lib/modules/%{KVERREL}/kvm']));
    return [
        `Source${source}: ${KVM_LIST} (kvm, kvm-hv)`,
        'kernel-kvm declared with its file list',
        'BuildKernel splits the kvm modules out for the base kernel',
    ];
}
/** kernel-kvm for the base kernel on ppc64le, holding kvm.ko and kvm-hv.ko. */
function packageKvmSeparately(lines, spec, sourcesDir) {
    if (lines.some((line) => DEFINITION.test(line))) {
        const details = openRealtimeKvm(lines, spec);
        // Scriptlets only where this edit made the package: a spec that has it keeps its own.
        if (details.length > 0)
            details.push(addKvmScriptlets(lines, spec));
        const added = completeKvmList(sourcesDir);
        if (added.length > 0)
            details.push(`${KVM_LIST} gains ${added.join(', ')}`);
        return details.length > 0
            ? details.join('; ')
            : 'kernel-kvm already built for the base kernel by the spec';
    }
    return [...addBaseKvm(lines, spec, sourcesDir), addKvmScriptlets(lines, spec)].join('; ');
}
/**
 * kvm.ko and kvm-hv.ko stay in the base kernel's module packages. The EL9 spec splits kvm out for
 * rt only, so nothing changes; a spec whose kvm package already takes them from the base kernel
 * cannot be turned back and is refused.
 */
function keepKvmInModules(lines, spec) {
    const files = sections(lines).filter((s) => s.name === 'files' && s.subpackage === 'kvm');
    if (files.length > 0 || lines.some((line) => line.includes(BASE_SHELL_TEST) || line.startsWith(MARK))) {
        throw shapeError(spec, 'keep the KVM modules in the kernel modules', 'no kvm package for the base kernel, but the spec already has one');
    }
    return lines.some((line) => DEFINITION.test(line))
        ? 'kvm.ko and kvm-hv.ko stay in the base kernel’s modules (the spec splits kvm out for rt only)'
        : 'kvm.ko and kvm-hv.ko stay in the base kernel’s modules (the spec has no kvm package)';
}

;// CONCATENATED MODULE: ./src/rpm/spec-check.ts
/**
 * A spec as rpm sees it for one target: the subpackages `rpmspec -q` lists and the text
 * `rpmspec -P` expands, with the rebuild's dist, buildid and build switches. A spec that does
 * not parse is a configuration error quoting rpmspec; the expanded text (thousands of lines for
 * a kernel) goes to a file for upload-artifact, never into the log.
 */





function rpmspecArgs(evaluation) {
    return [
        '--target',
        evaluation.target,
        ...defineArgs(evaluation.defines),
        ...conditionalArgs(evaluation.with, evaluation.without),
    ];
}
function describe(args) {
    return args.map((arg) => (/[\s']/.test(arg) ? `'${arg}'` : arg)).join(' ');
}
/**
 * rpmspec's own complaint: its error lines with their continuations (rpm prints `error: line N:
 * %files kvm` and then `: package kernel-kvm does not exist` on a line of its own).
 */
function rpmspecError(stderr) {
    const lines = stderr
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const errors = [];
    for (const line of lines) {
        if (/^error:/i.test(line))
            errors.push(line);
        else if (line.startsWith(':') && errors.length > 0)
            errors[errors.length - 1] += line;
    }
    return (errors.length > 0 ? errors : lines.slice(-3)).join('; ');
}
async function expandSpec(spec, specName, evaluation, expandedFile) {
    const args = rpmspecArgs(evaluation);
    const described = describe(args);
    const query = await exec(['rpmspec', '-q', '--qf', '%{name}\\n', ...args, spec], { allowFailure: true });
    if (query.exitCode !== 0) {
        throw new ConfigurationError(`${specName} does not parse for ${evaluation.target} (rpmspec -q ${described}): ${rpmspecError(query.stderr)}`);
    }
    const parsed = await exec(['rpmspec', '-P', ...args, spec], { allowFailure: true });
    if (parsed.exitCode !== 0) {
        throw new ConfigurationError(`${specName} does not expand for ${evaluation.target} (rpmspec -P ${described}): ${rpmspecError(parsed.stderr)}`);
    }
    if (expandedFile) {
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(expandedFile), { recursive: true });
        (0,external_node_fs_namespaceObject.writeFileSync)(expandedFile, parsed.stdout);
    }
    return {
        subpackages: [...new Set(query.stdout.split('\n').filter(Boolean))],
        lines: parsed.stdout.split('\n'),
        described,
        ...(expandedFile ? { file: expandedFile } : {}),
    };
}

;// CONCATENATED MODULE: ./src/kernel/validate.ts
/**
 * The kernel spec checked as rpm will build it for ppc64le, before any build: it must parse with
 * the rebuild's dist, buildid and build switches, and its packages must put kvm.ko and kvm-hv.ko
 * where the kvm-package mode says, for the base variant. This is what catches an edit that looks
 * right as text but leaves `%files kvm` without its package, or kernel-kvm without modules.
 */





/** A quoted or bare shell word with $Variant / ${Variant} replaced by the variant's name. */
function word(text, variant) {
    return text.replace(/^"(.*)"$/, '$1').replace(/\$\{Variant\}|\$Variant\b/g, variant);
}
function parseTerm(text) {
    const compare = /^("[^"]*"|\S+)\s*(==|=|!=)\s*("[^"]*"|\S+)$/.exec(text.trim());
    if (compare)
        return { kind: 'compare', left: compare[1], right: compare[3], equal: compare[2] !== '!=' };
    const test = /^-(z|n)\s+("[^"]*"|\S+)$/.exec(text.trim());
    if (test)
        return { kind: 'empty', word: test[2], empty: test[1] === 'z' };
    return undefined;
}
function evaluate(term, variant) {
    if (term.kind === 'compare')
        return (word(term.left, variant) === word(term.right, variant)) === term.equal;
    return (word(term.word, variant) === '') === term.empty;
}
/**
 * Whether a BuildKernel gate `if [[ A || B ]]; then` / `if [ A ] || [ B ]; then` holds for a
 * variant; undefined when it is not made of string tests joined by || and &&.
 */
function shellGateHolds(line, variant) {
    const condition = SHELL_IF.exec(line)?.[2];
    if (!condition)
        return undefined;
    // Brackets and the operators between them: `[[ a || b ]]` and `[ a ] || [ b ]` read alike.
    const flat = condition.replace(/\[\[|\]\]|\[|\]/g, ' ').trim();
    let result;
    let pending;
    for (const part of flat.split(/\s*(\|\||&&)\s*/)) {
        if (part === '||' || part === '&&') {
            pending = part;
            continue;
        }
        const term = parseTerm(part);
        if (!term)
            return undefined;
        const value = evaluate(term, variant);
        result = result === undefined ? value : pending === '&&' ? result && value : result || value;
    }
    return result;
}
async function validateKernelSpec(spec, specName, options) {
    const expandedFile = (0,external_node_path_namespaceObject.join)(options.resultsDir, `${specName.replace(/\.spec$/, '')}-ppc64le-expanded.spec`);
    const expanded = await expandSpec(spec, specName, {
        ...options.evaluation,
        target: KVM_ARCH,
        defines: { ...options.evaluation.defines, _sourcedir: options.sourcesDir },
    }, expandedFile);
    const { lines, subpackages } = expanded;
    const problems = [];
    const kvmFiles = sections(lines).filter((s) => s.name === 'files' && s.subpackage === 'kvm');
    const listed = readKvmList(options.sourcesDir);
    // Lines that split mod-kvm.list's modules into kvm, and the gates they sit behind, for the base kernel.
    const splits = lines.flatMap((line, index) => (/mod-kvm\.list\s+kvm\s*$/.test(line) ? [index] : []));
    const forBase = splits.filter((index) => {
        const gate = enclosingShellIf(lines, index);
        return gate === -1 || shellGateHolds(lines[gate], '') === true;
    });
    if (options.kvmPackage === 'subpackage') {
        if (!subpackages.includes('kernel-kvm'))
            problems.push('it builds no kernel-kvm package');
        if (kvmFiles.length === 0)
            problems.push('it has no %files section for kernel-kvm');
        const depmod = sections(lines).some((s) => s.name === 'post' &&
            s.subpackage === 'kvm' &&
            lines.slice(s.header + 1, s.end).some((l) => /\bdepmod\b/.test(l)));
        if (!depmod)
            problems.push('kernel-kvm runs no depmod in %post');
        const missing = KVM_MODULE_NAMES.filter((name) => !listed.includes(name));
        if (missing.length > 0)
            problems.push(`mod-kvm.list does not name ${missing.join(', ')}`);
        if (forBase.length === 0)
            problems.push('the base kernel’s build does not split the modules of mod-kvm.list into kernel-kvm');
    }
    else {
        if (subpackages.includes('kernel-kvm') || kvmFiles.length > 0)
            problems.push('it still builds kernel-kvm for the base kernel');
        if (forBase.length > 0)
            problems.push('the base kernel’s build still splits the modules of mod-kvm.list out');
    }
    if (problems.length > 0) {
        throw new ConfigurationError(`${specName} for ${KVM_ARCH} (rpmspec ${expanded.described}) does not package the KVM modules as kvm-package: ${options.kvmPackage} asks: ${problems.join('; ')}. The expanded spec is in ${expandedFile}`);
    }
    const where = options.kvmPackage === 'subpackage'
        ? `kernel-kvm is built and the base kernel moves ${KVM_MODULE_NAMES.join(' and ')} into it`
        : 'no kernel-kvm for the base kernel, whose modules keep kvm and kvm-hv';
    return {
        summary: `Validated before the build: rpmspec ${expanded.described} parses the spec (${subpackages.length} packages); ${where}.`,
        subpackages,
        expandedFile,
    };
}

;// CONCATENATED MODULE: ./src/kernel/signing.ts
/**
 * Module signing of the rebuilt kernel. ppc64le is a secure-boot architecture, so the EL9 spec
 * signs the kernel and its modules by default; a rebuild either turns that off, or signs with
 * keys the maintainer provides. The key never enters the source RPM: the spec gets one line that
 * copies it from a path given at build time, after each `make mrproper` (which deletes
 * certs/signing_key.pem, the key the kernel build and the spec's signing steps use).
 */




/** The rpm macro that carries the key's path into the build. */
const SIGNING_KEY_MACRO = 'kvm_actions_signing_key';
const SIGN_SWITCH = /^(\s*%(?:global|define)\s+sign(?:kernel|modules)\s+)1\s*$/;
/** `%global signkernel 1` / `%global signmodules 1` become 0. */
function disableSigning(lines, spec) {
    const switched = [];
    lines.forEach((line, index) => {
        const match = SIGN_SWITCH.exec(line);
        if (match) {
            lines[index] = `${match[1]}0`;
            switched.push(index + 1);
        }
    });
    if (switched.length === 0) {
        throw new ConfigurationError(`${spec}: cannot turn module signing off: expected '%global signmodules 1' (or signkernel). The spec has changed shape; use module-signing: auto or keys`);
    }
    return `signing off (line ${switched.join(', ')})`;
}
/** After every `make … mrproper` in %prep and %build: the provided key as certs/signing_key.pem. */
function useSigningKey(lines, spec) {
    const copy = `%{?${SIGNING_KEY_MACRO}:cp %{${SIGNING_KEY_MACRO}} certs/signing_key.pem}`;
    const at = [];
    for (const section of sections(lines).filter((s) => s.name === 'prep' || s.name === 'build')) {
        for (let index = section.header + 1; index < section.end; index++) {
            const line = lines[index];
            // A make command (make, %{make}, %{__make}) whose target is mrproper; not a function definition.
            if (/^\s*(?:make|%\{?_{0,2}make\}?)(?!\s*\()\s[^#]*\bmrproper\b/.test(line))
                at.push(index);
        }
    }
    if (at.length === 0) {
        throw new ConfigurationError(`${spec}: cannot sign with the given key: expected a 'make … mrproper' line in %build, after which the key is put in place. The spec has changed shape; use module-signing: auto or off`);
    }
    for (const index of [...at].reverse()) {
        const indent = /^\s*/.exec(lines[index])[0];
        lines.splice(index + 1, 0, `${indent}${copy}`);
    }
    return `the given key after ${at.length} mrproper line(s)`;
}
/**
 * The SHA-256 fingerprint of the certificate in a signing key file, which must hold the private
 * key and the certificate (PEM), as the kernel's certs/signing_key.pem does.
 */
async function signingKeyFingerprint(file) {
    const text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(text) || !text.includes('-----BEGIN CERTIFICATE-----')) {
        throw new ConfigurationError(`Input 'module-signing-key' names ${file}, which is not a PEM file with both a private key and its certificate (the form of certs/signing_key.pem)`);
    }
    const result = await exec(['openssl', 'x509', '-in', file, '-noout', '-fingerprint', '-sha256'], {
        allowFailure: true,
    });
    const fingerprint = /=([0-9A-F:]+)\s*$/.exec(result.stdout.trim())?.[1];
    if (result.exitCode !== 0 || !fingerprint) {
        throw new ConfigurationError(`Input 'module-signing-key' names ${file}, whose certificate openssl cannot read`);
    }
    return fingerprint;
}

;// CONCATENATED MODULE: ./src/kernel/action.ts
/** build-kernel: the AlmaLinux 9 kernel rebuilt with the KVM hypervisor for ppc64le. */
















/**
 * The kernel spec's build switches per profile: `fast` validates the KVM build in the least time
 * (base variant only, no debug kernel or debuginfo, no kABI check); `full` is the release build.
 */
function kernelBuildSwitches(profile) {
    return profile === 'fast'
        ? { with: ['baseonly'], without: ['debug', 'debuginfo', 'kabichk'] }
        : { with: [], without: [] };
}
const buildKernel = defineAction({
    name: 'build-kernel',
    title: 'Build kernel',
    description: 'Rebuild the AlmaLinux 9 kernel source RPM with the KVM hypervisor (KVM-HV) enabled for ppc64le.',
    inputs: {
        srpm: srpmSourceInput({
            description: 'The kernel source RPM: path, URL, exact version, or `latest`.',
            required: true,
        }),
        'repository-url': url({
            description: 'The source repository for `latest` and exact versions (the folder holding repodata/).',
            default: 'https://repo.almalinux.org/almalinux/9/BaseOS/Source',
        }),
        'kvm-profile': inputs_boolean({
            description: 'Apply the KVM profile (KVM_BOOK3S_64=m, KVM_BOOK3S_64_HV=m, KVM_BOOK3S_64_PR off, KVM_XICS=y, HV timing options off) to every ppc64le config.',
            default: 'true',
        }),
        'config-fragments': list({
            description: 'Extra kernel config fragments (files of `CONFIG_X=y` / `# CONFIG_X is not set` lines), applied after the profile.',
        }),
        'kernel-source': path({
            description: 'A kernel source tree or tarball for the Kconfig check; by default the SRPM’s own linux-*.tar.xz.',
            mustExist: 'any',
        }),
        'kconfig-check': inputs_boolean({
            description: 'Run the kernel’s olddefconfig (ARCH=powerpc, config step only) on every changed config and fail before the build if Kconfig would drop a requested option.',
            default: 'true',
        }),
        autopatch: autopatchInput('Recipes applied to the kernel after the config changes.'),
        buildid: string({
            description: 'The spec’s buildid, placed before the dist tag so the rebuild sorts above the stock kernel.',
            default: '.kvm1',
            pattern: /^\.[A-Za-z0-9_]+$/,
            accepted: 'a dot followed by letters, digits or underscores, such as .kvm1',
        }),
        'build-profile': oneOf({
            description: '`fast` (base variant only, no debug kernel, no kABI check) for validation; `full` for releases.',
            values: ['fast', 'full'],
            default: 'fast',
        }),
        'kvm-package': oneOf({
            description: '`subpackage`: kvm.ko and kvm-hv.ko in kernel-kvm, made by the spec’s kernel_kvm_package macro as AlmaLinux does; `modules`: they stay in kernel-modules.',
            values: ['subpackage', 'modules'],
            default: 'subpackage',
        }),
        'module-signing': oneOf({
            description: '`auto` leaves the spec’s signing as it is; `off` turns kernel and module signing off; `keys` signs modules with module-signing-key (the key stays out of the source RPM).',
            values: ['auto', 'off', 'keys'],
            default: 'auto',
        }),
        'module-signing-key': path({
            description: 'With module-signing: keys, a PEM file with the private key and its certificate (the form of certs/signing_key.pem), such as a secret written to $RUNNER_TEMP.',
            mustExist: 'file',
        }),
        ...builderInputs,
        ...rebuildInputs,
        'results-dir': path({
            description: 'Where build logs and RPMs are written.',
            default: 'kvm-actions-results/build-kernel',
            insideWorkspace: true,
        }),
    },
    outputs: {
        'source-nvr': 'NVR of the kernel source RPM that was rebuilt.',
        nvr: 'NVR of the rebuilt kernel.',
        kverrel: 'The kernel release string of the build (version-release.arch), as in /lib/modules; empty when build is false.',
        vmlinux: 'Path of the kernel image inside the kernel-core RPM; empty when build is false.',
        rpms: 'JSON list of the built RPM paths (binary and source).',
        'rpm-dir': 'Folder holding the built RPMs.',
        'cache-hit': 'true when an identical build was restored from the cache instead of built.',
        'config-report': 'JSON: per ppc64le config file, each option changed with its stock and new value.',
        'results-dir': 'Absolute path of the folder with build logs and RPMs.',
        'module-signing-cert': 'With module-signing: keys, the SHA-256 fingerprint of the certificate the modules are signed with.',
    },
    async main(ctx) {
        const { inputs, setOutput, summary } = ctx;
        requireBuildTools(inputs.builder);
        const options = mergeOptions([
            ...(inputs.kvmProfile ? KVM_PROFILE : []),
            ...inputs.configFragments.flatMap((file) => {
                const path = (0,external_node_path_namespaceObject.resolve)(ctx.workspace, file);
                if (!(0,external_node_fs_namespaceObject.existsSync)(path)) {
                    throw new ConfigurationError(`Input 'config-fragments' names ${file}, which does not exist; expected files of CONFIG_X=value lines`);
                }
                return parseFragment((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'), file);
            }),
        ]);
        if (inputs.moduleSigning === 'keys' && !inputs.moduleSigningKey) {
            throw new ConfigurationError("Input 'module-signing-key' is required when module-signing is keys; expected a PEM file with the private key and its certificate");
        }
        const signingKey = inputs.moduleSigning === 'keys' && inputs.moduleSigningKey
            ? { path: inputs.moduleSigningKey, fingerprint: await signingKeyFingerprint(inputs.moduleSigningKey) }
            : undefined;
        let configReport = [];
        let validation;
        let result;
        const switches = kernelBuildSwitches(inputs.buildProfile);
        try {
            result = await runRebuildStep(ctx, {
                package: 'kernel',
                source: inputs.srpm,
                repositoryUrl: inputs.repositoryUrl,
                recipes: recipeSources(inputs.autopatch, ctx.workspace, 'autopatch'),
                release: { kind: 'buildid', value: inputs.buildid },
                builder: inputs.builder,
                mockConfig: inputs.mockConfig,
                ...switches,
                target: KVM_ARCH,
                timeoutMs: inputs.buildTimeout,
                ccache: inputs.ccache,
                resultsDir: inputs.resultsDir,
                expectations: [],
                ...(signingKey
                    ? { defines: { [SIGNING_KEY_MACRO]: signingKey.path }, bindMounts: [(0,external_node_path_namespaceObject.dirname)(signingKey.path)] }
                    : {}),
                prepare: async (tree, spec) => {
                    const sources = (0,external_node_path_namespaceObject.join)(tree, 'SOURCES');
                    const builtIn = [
                        ...kvmPackageEdit(spec, sources, inputs.kvmPackage),
                        ...signingEdit(spec, inputs.moduleSigning),
                    ];
                    const kernelSource = inputs.kernelSource ?? srpmKernelTarball(sources);
                    configReport = applyKernelOptions(sources, options);
                    if (!inputs.kconfigCheck)
                        return builtIn;
                    if (!kernelSource) {
                        ctx.annotate('warning', 'Kconfig check skipped: the SRPM has no linux-*.tar.xz and no kernel-source was given.');
                        return builtIn;
                    }
                    await kconfigCheck(kernelSource, ppc64leConfigs(sources), configReport, options, ctx.log);
                    return builtIn;
                },
                finish: async (tree, spec, defines, resultsDir) => {
                    validation = await validateKernelSpec(spec, (0,external_node_path_namespaceObject.basename)(spec), {
                        sourcesDir: (0,external_node_path_namespaceObject.join)(tree, 'SOURCES'),
                        evaluation: { defines, ...switches },
                        kvmPackage: inputs.kvmPackage,
                        resultsDir,
                    });
                    ctx.log.info(validation.summary);
                },
                keyFiles: {
                    'config-fragments': inputs.configFragments.map((file) => (0,external_node_path_namespaceObject.resolve)(ctx.workspace, file)),
                },
                keyExtra: {
                    options,
                    // The tree the Kconfig check reads (the SRPM's own tarball is covered by its checksum).
                    kernelSource: inputs.kconfigCheck && inputs.kernelSource ? kernelSourceDigest(inputs.kernelSource) : undefined,
                    kvmPackage: inputs.kvmPackage,
                    moduleSigning: inputs.moduleSigning,
                    signingKey: signingKey?.fingerprint,
                },
                skipBuild: !inputs.build,
            });
        }
        finally {
            // Written whether or not the build ran: a Kconfig failure is explained by this table.
            writeConfigTable(summary, configReport);
        }
        const kernel = result.skippedCommand
            ? undefined
            : await checkKernelRpms(result.rpms, options, inputs.kvmProfile, inputs.kvmPackage);
        setOutput('source-nvr', result.sourceNvr);
        setOutput('nvr', kernel?.nvr ?? result.builtNvr);
        setOutput('kverrel', kernel?.kverrel ?? '');
        setOutput('vmlinux', kernel?.vmlinux ?? '');
        setOutput('rpms', result.rpms.map((rpm) => rpm.path));
        setOutput('rpm-dir', result.rpmDir);
        setOutput('cache-hit', result.cacheHit);
        setOutput('config-report', configReport);
        setOutput('results-dir', inputs.resultsDir);
        setOutput('module-signing-cert', signingKey?.fingerprint ?? '');
        if (validation)
            summary.paragraph(validation.summary);
        if (!kernel) {
            summary.table(REBUILD_COLUMNS, [rebuildRow(result)]);
            skippedBuildSummary(summary, [result]);
            return;
        }
        summary.table(REBUILD_COLUMNS, [rebuildRow(result)]);
        const builtIn = result.edits.filter((edit) => edit.type === 'built-in');
        if (builtIn.length > 0)
            summary.paragraph(builtIn.map((edit) => `${edit.target}: ${edit.detail}`).join('; '));
        if (signingKey)
            summary.paragraph(`Modules signed with the certificate SHA-256 ${signingKey.fingerprint}.`);
        if (result.cacheHit)
            summary.paragraph('The build was restored from the cache: no config changes were made in this run.');
        if (kernel.kvmModules.length > 0) {
            summary.paragraph(`KVM modules for ${kernel.kverrel}: ${kernel.kvmModules.map((m) => `${m.module} in ${m.package}`).join(', ')}.`);
        }
    },
    post: postCleanUp,
});
/** The spec edit of a kvm-package mode, as a built-in edit for the summary. */
function kvmPackageEdit(spec, sources, mode) {
    const detail = editSpecFile(spec, (lines, name) => mode === 'subpackage' ? packageKvmSeparately(lines, name, sources) : keepKvmInModules(lines, name));
    return [builtInEdit(spec, 'KVM modules', detail)];
}
/** The spec edit of a module-signing mode, as a built-in edit for the summary. */
function signingEdit(spec, mode) {
    if (mode === 'auto')
        return [];
    const detail = editSpecFile(spec, (lines, name) => mode === 'off' ? disableSigning(lines, name) : useSigningKey(lines, name));
    return [builtInEdit(spec, 'module signing', detail)];
}
function writeConfigTable(summary, configReport) {
    if (configReport.length === 0)
        return;
    summary.heading('Config changes', 3).table(['File', 'Option', 'Stock', 'New', 'Kept by Kconfig'], configReport.flatMap(({ file, changes, kconfig }) => changes.map((change) => {
        const finding = kconfig?.find((f) => f.name === change.name);
        return [
            file,
            `CONFIG_${change.name}`,
            change.from === undefined ? '(absent)' : formatOption({ name: change.name, value: change.from }),
            formatOption({ name: change.name, value: change.to }),
            finding ? (finding.kept ? 'yes' : `no: ${finding.reason}`) : 'not checked',
        ];
    })));
}

;// CONCATENATED MODULE: ./src/qemu/devices.ts
/**
 * The ppc64 device configuration that RHEL's qemu-kvm builds with
 * (configs/devices/ppc64-softmmu/ppc64-rh-devices.mak): what the tree already has, what KVM
 * guests on POWER need, and the patch that makes the one into the other.
 */




const DEVICE_FILE = 'configs/devices/ppc64-softmmu/ppc64-rh-devices.mak';
/** The device list RHEL used for ppc64 (domain notes, section 3). */
const RHEL_PPC64_DEVICES = [
    'PSERIES',
    'XICS',
    'XIVE',
    'SPAPR_VSCSI',
    'PCI',
    'PCI_EXPRESS',
    'SCSI',
    'USB',
    'USB_XHCI',
    'USB_XHCI_PCI',
    'USB_OHCI',
    'USB_OHCI_PCI',
    'USB_STORAGE',
    'VFIO',
    'VFIO_PCI',
    'VGA',
    'VGA_PCI',
    'VIRTIO_PCI',
    'VIRTIO_VGA',
    'VHOST_USER',
    'VHOST_VSOCK',
    'TPM_SPAPR',
    'DIMM',
    'NVDIMM',
    'MEM_DEVICE',
    'WDT_IB6300ESB',
    'VIRTIO_BLK',
    'VIRTIO_NET',
    'VIRTIO_SCSI',
    'VIRTIO_RNG',
    'VIRTIO_BALLOON',
    'VIRTIO_SERIAL',
    'VIRTIO_INPUT',
    'VIRTIO_GPU',
];
/**
 * USB keyboard, mouse and tablet (USB_HID) and the USB hub: newer QEMU gates them behind their
 * own symbols, and libvirt and OpenStack nova add USB input devices to every ppc64 guest.
 */
const USB_INPUT_DEVICES = ['USB_HID', 'USB_HUB'];
/** Without these a pseries KVM guest with virtio disk and network does not start at all. */
const REQUIRED_DEVICES = [
    'PSERIES',
    'XICS',
    'XIVE',
    'SPAPR_VSCSI',
    'VIRTIO_PCI',
    'VIRTIO_BLK',
    'VIRTIO_NET',
    'USB_XHCI_PCI',
];
/** Every `config NAME` of QEMU's Kconfig files in the source tarball. */
async function qemuKconfigSymbols(tarball) {
    const { stdout } = await exec(['tar', '-xf', tarball, '-O', '--wildcards', '--no-anchored', 'Kconfig'], {
        allowFailure: true,
    });
    const symbols = new Set([...stdout.matchAll(/^config\s+(\w+)\s*$/gm)].map((match) => match[1]));
    if (symbols.size === 0) {
        throw new ConfigurationError(`${tarball} has no Kconfig files; expected a QEMU source tarball (qemu-<version>.tar.xz with hw/*/Kconfig)`);
    }
    return symbols;
}
/** The QEMU source tarball among the SRPM's sources. */
function qemuTarball(sourcesDir) {
    const name = (0,external_node_fs_namespaceObject.readdirSync)(sourcesDir)
        .filter((file) => /^qemu-[\d.]+.*\.tar\.(xz|gz|bz2|zst)$/.test(file))
        .sort()
        .at(-1);
    if (!name) {
        throw new ConfigurationError(`${sourcesDir} has no QEMU source tarball; expected qemu-<version>.tar.xz beside the spec`);
    }
    return (0,external_node_path_namespaceObject.join)(sourcesDir, name);
}
/** The content a patch gives DEVICE_FILE, when the patch creates it. */
function deviceFileFromPatch(text) {
    const lines = text.split('\n');
    const start = lines.findIndex((line) => line === `+++ b/${DEVICE_FILE}`);
    if (start === -1)
        return undefined;
    const content = [];
    for (const line of lines.slice(start + 1)) {
        if (line.startsWith('diff --git ') || line.startsWith('--- ') || line === '-- ')
            break;
        if (line.startsWith('@@'))
            continue;
        if (line.startsWith('+'))
            content.push(line.slice(1));
        else if (line.startsWith(' '))
            content.push(line.slice(1));
    }
    return content;
}
/** Finds the applied patch (one the spec names) that creates the device file. */
function stockDeviceFile(sourcesDir, patchNames) {
    for (const patch of patchNames) {
        let text;
        try {
            text = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(sourcesDir, patch), 'utf8');
        }
        catch {
            continue;
        }
        const lines = deviceFileFromPatch(text);
        if (lines)
            return { patch, lines };
    }
    return undefined;
}
/** `CONFIG_X=y` symbols of a device file. */
function enabledSymbols(lines) {
    return lines.flatMap((line) => {
        const match = /^CONFIG_(\w+)\s*=\s*y\s*$/.exec(line.trim());
        return match ? [match[1]] : [];
    });
}
/** Decides the device file: the stock one plus what is missing, or a new one. */
function planDevices(options) {
    const { stock, kconfig } = options;
    const wanted = [...RHEL_PPC64_DEVICES, ...USB_INPUT_DEVICES];
    const before = stock ? enabledSymbols(stock.lines) : [];
    const unknown = wanted.filter((symbol) => !kconfig.has(symbol) && !before.includes(symbol));
    const missing = wanted.filter((symbol) => kconfig.has(symbol) && !before.includes(symbol));
    const added = missing.map((symbol) => `CONFIG_${symbol}=y`);
    const header = [
        '# Devices of qemu-kvm on ppc64le: pseries KVM guests as libvirt and OpenStack define them.',
    ];
    const lines = stock ? [...stock.lines, ...added] : [...header, ...added];
    const after = enabledSymbols(lines);
    const absent = REQUIRED_DEVICES.filter((symbol) => !after.includes(symbol));
    if (absent.length > 0) {
        throw new ConfigurationError(`The ppc64 device configuration would lack ${absent.join(', ')}: this QEMU's Kconfig does not define ${absent.length === 1 ? 'it' : 'them'}; expected a QEMU with the pseries machine and virtio devices`);
    }
    if (added.length === 0)
        return { lines, before, after, unknown };
    const diff = stock ? appendDiff(stock.lines, added) : newFileDiff(lines);
    const subject = stock
        ? 'configs: complete ppc64-rh-devices for KVM guests on ppc64le'
        : 'configs: add ppc64-rh-devices for KVM guests on ppc64le';
    return { lines, before, after, unknown, patch: mailPatch(subject, options.author, options.date, diff) };
}
function newFileDiff(lines) {
    return [
        `diff --git a/${DEVICE_FILE} b/${DEVICE_FILE}`,
        'new file mode 100644',
        '--- /dev/null',
        `+++ b/${DEVICE_FILE}`,
        `@@ -0,0 +1,${lines.length} @@`,
        ...lines.map((line) => `+${line}`),
    ];
}
function appendDiff(existing, added) {
    const context = existing.slice(-3);
    const start = existing.length - context.length + 1;
    return [
        `diff --git a/${DEVICE_FILE} b/${DEVICE_FILE}`,
        `--- a/${DEVICE_FILE}`,
        `+++ b/${DEVICE_FILE}`,
        `@@ -${start},${context.length} +${start},${context.length + added.length} @@`,
        ...context.map((line) => ` ${line}`),
        ...added.map((line) => `+${line}`),
    ];
}
/** git format-patch layout, so that both `patch -p1` and `%autosetup -S git_am` take it. */
function mailPatch(subject, author, date, diff) {
    return [
        'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
        `From: ${author}`,
        `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
        `Subject: [PATCH] ${subject}`,
        '',
        'Generated by kvm-actions patch-qemu: RHEL builds qemu-kvm for ppc64le as tools only and',
        'without this device list; KVM guests on POWER need it.',
        '---',
        ...diff,
        '-- ',
        'kvm-actions',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/qemu/spec-edits.ts
/**
 * The built-in ppc64le edits of the EL9 qemu-kvm and libvirt specs. Each looks for the shape the
 * EL9 specs have had (qemu-kvm 8.x to 10.x, libvirt 9.x to 11.x), changes it, and otherwise fails
 * naming the line it expected, so that a changed spec stops the rebuild instead of producing a
 * package that silently lacks KVM.
 */


const POWER64 = ['%{power64}', 'ppc64le', 'ppc64'];
/** A spec line the recipe needed and did not find. */
class SpecShapeError extends ConfigurationError {
    constructor(spec, purpose, expected) {
        super(`${spec}: cannot ${purpose}: expected ${expected}. The spec has changed shape; add an autopatch recipe for this version`);
    }
}
const TOOLS_ONLY = /^%(global|define)\s+tools_only\s+(\S+)\s*$/;
/** `%global tools_only 1` under `%ifarch %{power64}` becomes 0: the full emulator is built. */
function liftToolsOnly(lines, spec) {
    const settings = lines.flatMap((line, index) => {
        const match = TOOLS_ONLY.exec(line.trim());
        return match ? [{ index, value: match[2] }] : [];
    });
    const onPower = settings.filter(({ index, value }) => value === '1' && keptForArch(lines, index, POWER64) && !keptForArch(lines, index, ['x86_64']));
    if (onPower.length === 0) {
        if (settings.length > 0 && settings.every(({ value }) => value === '0')) {
            return { edit: 'tools_only', detail: 'already 0 on power64' };
        }
        throw new SpecShapeError(spec, 'lift tools_only for power64', "'%global tools_only 1' inside '%ifarch %{power64}'");
    }
    for (const { index } of [...onPower].reverse()) {
        lines[index] = lines[index].replace(/tools_only\s+1/, 'tools_only 0');
        lines.splice(index, 0, '# kvm-actions: the full qemu-kvm on ppc64le, not only the tools');
    }
    return { edit: 'tools_only', detail: `set to 0 for power64 (line ${onPower[0].index + 1})` };
}
const DEVICES_OPTION = /--with-devices-([\w%{}]+)=(\S+)/;
const PPC64_DEVICES_OPTION = '--with-devices-ppc64=ppc64-rh-devices';
/** configure gets `--with-devices-ppc64=ppc64-rh-devices` on power64 (9.1+ passes it for other arches only). */
function passPpc64Devices(lines, spec) {
    const build = sections(lines).find((section) => section.name === 'build');
    const options = [];
    if (build) {
        for (let index = build.header + 1; index < build.end; index++) {
            if (DEVICES_OPTION.test(lines[index]))
                options.push(index);
        }
    }
    if (options.length === 0) {
        throw new SpecShapeError(spec, `pass ${PPC64_DEVICES_OPTION}`, "a configure line with '--with-devices-<arch>=<arch>-rh-devices' in %build");
    }
    const forPower = options.find((index) => {
        const [, arch, value] = DEVICES_OPTION.exec(lines[index]);
        return (keptForArch(lines, index, POWER64) &&
            (arch === 'ppc64' || arch === '%{kvm_target}') &&
            /(ppc64|%{kvm_target})-rh-devices/.test(value));
    });
    if (forPower !== undefined) {
        return { edit: 'devices option', detail: `already passed on power64: ${lines[forPower].trim()}` };
    }
    // Before the other arches' option (or its %ifarch block), where the line continues a command.
    const last = options.at(-1);
    const block = enclosingConditionals(lines, last).findLast(({ keyword }) => keyword === 'ifarch' || keyword === 'ifnarch');
    const at = block?.line ?? last;
    const indent = /^\s*/.exec(lines[last])[0];
    lines.splice(at, 0, '%ifarch %{power64}', `${indent}${PPC64_DEVICES_OPTION} \\`, '%endif');
    return { edit: 'devices option', detail: `${PPC64_DEVICES_OPTION} added for power64 (line ${at + 2})` };
}
const SLOF_REMOVAL = /^\s*rm\s+(-\w+\s+)*\S*slof\.bin\s*$/;
const SLOF_FILE = '%{_datadir}/%{name}/slof.bin';
/** slof.bin stays on ppc64le (EL9 has no SLOF package) and is packaged in qemu-kvm-core. */
function keepSlof(lines, spec) {
    const install = sections(lines).find((section) => section.name === 'install');
    const removal = install
        ? lines.findIndex((line, index) => index > install.header && index < install.end && SLOF_REMOVAL.test(line))
        : -1;
    const details = [];
    if (removal !== -1 && keptForArch(lines, removal, ['ppc64le'])) {
        lines.splice(removal + 1, 0, '%endif');
        lines.splice(removal, 0, '%ifnarch ppc64le');
        details.push(`removal kept off ppc64le (line ${removal + 1})`);
    }
    else if (removal === -1) {
        const packaged = lines.some((line) => line.includes('slof.bin') && !/^\s*#/.test(line));
        if (!packaged) {
            throw new SpecShapeError(spec, 'keep slof.bin on ppc64le', "'rm -rf %{buildroot}%{_datadir}/%{name}/slof.bin' in %install");
        }
    }
    const core = sections(lines).find((section) => section.name === 'files' && (section.subpackage === 'qemu-kvm-core' || section.subpackage === 'core'));
    if (!core) {
        throw new SpecShapeError(spec, 'package slof.bin', "a '%files -n qemu-kvm-core' section");
    }
    const listed = lines
        .slice(core.header + 1, core.end)
        .some((line) => line.trim().endsWith('slof.bin') && !line.trim().startsWith('#'));
    if (!listed) {
        const at = sectionEntriesEnd(lines, core);
        lines.splice(at, 0, '%ifarch ppc64le', SLOF_FILE, '%endif');
        details.push('listed in %files of qemu-kvm-core on ppc64le');
    }
    return { edit: 'slof.bin', detail: details.length > 0 ? details.join('; ') : 'already kept and packaged' };
}
const ARCHES_QEMU_KVM = /^(\s*%(?:define|global)\s+arches_qemu_kvm\s+)(.*?)\s*$/;
/** libvirt: `%{power64}` back in arches_qemu_kvm, so the QEMU driver and KVM daemon are built. */
function restoreLibvirtQemuArches(lines, spec) {
    const definitions = lines.flatMap((line, index) => (ARCHES_QEMU_KVM.test(line) ? [index] : []));
    if (definitions.length === 0) {
        throw new SpecShapeError(spec, 'build the QEMU driver on ppc64le', "'%define arches_qemu_kvm x86_64 aarch64 s390x' (the rhel > 8 branch)");
    }
    const changed = [];
    for (const index of definitions) {
        const [, head, arches] = ARCHES_QEMU_KVM.exec(lines[index]);
        if (arches.split(/\s+/).some((arch) => POWER64.includes(arch)))
            continue;
        lines[index] = `${head}${arches} %{power64}`;
        changed.push(index + 1);
    }
    return {
        edit: 'arches_qemu_kvm',
        detail: changed.length > 0
            ? `%{power64} added (line ${changed.join(', ')})`
            : 'already includes power64 in every definition',
    };
}

;// CONCATENATED MODULE: ./src/qemu/validate.ts
/**
 * Checks of a patched spec that need no POWER machine: rpmspec evaluates it for ppc64le, and the
 * result must have the subpackages and files of a KVM host.
 */




const QEMU_KVM_EXPECTATION = {
    subpackages: ['qemu-kvm', 'qemu-kvm-core'],
    files: { 'qemu-kvm-core': ['/usr/libexec/qemu-kvm', '/slof.bin'] },
    build: ['--with-devices-ppc64=ppc64-rh-devices'],
};
const LIBVIRT_EXPECTATION = {
    subpackages: ['libvirt-daemon-driver-qemu', 'libvirt-daemon-kvm'],
};
/** What rpmspec makes of the spec for ppc64le, against the expectation. */
async function checkSpecForPpc64le(spec, name, expectation, defines, expandedFile) {
    const { subpackages, lines } = await expandSpec(spec, (0,external_node_path_namespaceObject.basename)(spec), { target: 'ppc64le', defines }, expandedFile);
    const problems = [];
    for (const wanted of expectation.subpackages) {
        if (!subpackages.includes(wanted))
            problems.push(`no ${wanted} subpackage on ppc64le`);
    }
    for (const [subpackage, paths] of Object.entries(expectation.files ?? {})) {
        const short = subpackage.startsWith(`${name}-`) ? subpackage.slice(name.length + 1) : subpackage;
        const files = sections(lines).filter((section) => section.name === 'files' &&
            (section.subpackage === subpackage ||
                section.subpackage === short ||
                (!section.subpackage && subpackage === name)));
        const listed = files.flatMap((section) => lines.slice(section.header + 1, section.end).map((line) => line.trim()));
        for (const path of paths) {
            if (!listed.some((entry) => entry.split(/\s+/).some((word) => word.endsWith(path)))) {
                problems.push(`%files of ${subpackage} does not list ${path} on ppc64le`);
            }
        }
    }
    // rpmspec -P prints the build scriptlets without their %build header: look at all of them.
    const scripts = lines.slice(0, changelogStart(lines)).filter((line) => !line.trim().startsWith('#'));
    for (const text of expectation.build ?? []) {
        if (!scripts.some((line) => line.includes(text)))
            problems.push(`the build does not pass ${text} on ppc64le`);
    }
    return { subpackages, problems };
}
/** Fails the rebuild when the patched spec would not give a KVM host on ppc64le. */
function requireSpecCheck(specName, check) {
    if (check.problems.length === 0)
        return;
    throw new ConfigurationError(`${specName} after the ppc64le edits: ${check.problems.join('; ')} (rpmspec --target ppc64le lists ${check.subpackages.join(', ') || 'nothing'})`);
}

;// CONCATENATED MODULE: ./src/qemu/recipe.ts
/**
 * The built-in ppc64le recipes of patch-qemu, as rebuild hooks: the spec edits and device patch
 * before the user's recipes, then a changelog entry and the rpmspec validation on the final spec.
 */







const DEVICE_PATCH = 'kvm-actions-ppc64-rh-devices.patch';
/** The spec as rpmspec expands it for ppc64le, kept in the package's results folder. */
const EXPANDED_SPEC = 'spec-ppc64le-expanded.spec';
function builtIn(spec, edits) {
    return edits.map(({ edit, detail }) => builtInEdit(spec, edit, detail));
}
function engineRecipe(source, actions) {
    return {
        source,
        parameters: { insertMarker: false, ignoreVersionMacros: false, ignoreReleaseMacros: false },
        actions: actions.map((action, index) => ({ ...action, index: index + 1 })),
    };
}
function hooks(options, expectation, prepare) {
    const report = { edits: [] };
    return {
        report,
        prepare: (tree, spec) => prepare(tree, spec, report),
        async finish(tree, spec, defines, resultsDir) {
            const [changelog] = await applyRecipe(engineRecipe('built-in ppc64le recipe', [
                {
                    type: 'changelog_entry',
                    name: options.author.name,
                    email: options.author.email,
                    // Names only: details quote spec lines, and rpm expands macros in %changelog.
                    line: [
                        `Rebuilt for KVM hosts on ppc64le (kvm-actions): ${report.edits.map((e) => e.edit).join(', ')}`,
                    ],
                },
            ]), { packageDir: tree, filesDir: tree, scriptsDir: tree, date: recipeDate(), defines, log: options.log });
            const name = (0,external_node_path_namespaceObject.basename)(spec, '.spec');
            const check = await checkSpecForPpc64le(spec, name, expectation, { ...defines, _sourcedir: (0,external_node_path_namespaceObject.join)(tree, 'SOURCES') }, (0,external_node_path_namespaceObject.join)(resultsDir, EXPANDED_SPEC));
            requireSpecCheck((0,external_node_path_namespaceObject.basename)(spec), check);
            report.subpackages = check.subpackages;
            return changelog ? [changelog] : [];
        },
    };
}
/** qemu-kvm: the full emulator on power64, its device list, and slof.bin kept in qemu-kvm-core. */
function qemuKvmRecipe(options) {
    return hooks(options, QEMU_KVM_EXPECTATION, async (tree, spec, report) => {
        const sources = (0,external_node_path_namespaceObject.join)(tree, 'SOURCES');
        report.edits.push(...editSpecFile(spec, (lines, name) => [
            liftToolsOnly(lines, name),
            passPpc64Devices(lines, name),
            keepSlof(lines, name),
        ]));
        const patches = numberedTags((0,external_node_fs_namespaceObject.readFileSync)(spec, 'utf8').split('\n'), 'Patch').map((tag) => (0,external_node_path_namespaceObject.basename)(tag.value));
        const devices = planDevices({
            stock: stockDeviceFile(sources, patches),
            kconfig: await qemuKconfigSymbols(qemuTarball(sources)),
            author: `${options.author.name} <${options.author.email}>`,
            date: recipeDate(),
        });
        report.devices = devices;
        let detail = 'the stock device file already has every symbol';
        if (devices.patch) {
            const filesDir = (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(tree), 'built-in-files');
            (0,external_node_fs_namespaceObject.mkdirSync)(filesDir, { recursive: true });
            (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(filesDir, DEVICE_PATCH), devices.patch);
            const added = await applyRecipe(engineRecipe('built-in ppc64le recipe', [
                {
                    type: 'add_files',
                    fileType: 'patch',
                    name: DEVICE_PATCH,
                    number: 'Latest',
                    modifySpec: true,
                    noBackup: true,
                },
            ]), { packageDir: tree, filesDir, scriptsDir: filesDir, log: options.log });
            detail = `${added.map((edit) => edit.detail).join('; ')} (${devices.after.length - devices.before.length} device symbols)`;
        }
        report.edits.push({ edit: 'device config', detail });
        return builtIn(spec, report.edits);
    });
}
/** libvirt: the QEMU driver and KVM daemon on power64. */
function libvirtRecipe(options) {
    return hooks(options, LIBVIRT_EXPECTATION, async (_tree, spec, report) => {
        report.edits.push(...editSpecFile(spec, (lines, name) => [restoreLibvirtQemuArches(lines, name)]));
        return builtIn(spec, report.edits);
    });
}
/** `Name <email>` as the changelog author. */
function parseAuthor(text) {
    const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
    return match ? { name: match[1], email: match[2] } : undefined;
}

;// CONCATENATED MODULE: ./src/qemu/smoke.ts
/**
 * The post-build check of qemu-kvm on a POWER runner: qemu-kvm-core unpacked into a private
 * folder (nothing installed on the runner), its machine list read, and a pseries KVM machine
 * started until the SLOF firmware banner.
 */




const QEMU_KVM_BINARY = 'usr/libexec/qemu-kvm';
const QEMU_KVM_FIRMWARE = 'usr/share/qemu-kvm';
/** The exact commands of the check; firmware comes from the unpacked package (-L), not the host. */
function smokeCommands(binary, firmwareDir, accel = 'kvm') {
    return {
        machines: [binary, '-machine', 'help'],
        firmware: [
            binary,
            '-L',
            firmwareDir,
            '-M',
            'pseries',
            '-accel',
            accel,
            '-m',
            '1024',
            '-nographic',
            '-nodefaults',
            '-serial',
            'stdio',
            '-no-reboot',
        ],
    };
}
// SLOF draws its banner with terminal escapes between the words.
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g; // eslint-disable-line no-control-regex
const BANNER = /SLOF|QEMU Starting/;
async function smokeTestQemu(commands, options = {}) {
    const logged = options.log ? { log: options.log } : {};
    const list = await exec(commands.machines, logged);
    const machines = list.stdout
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/)[0])
        .filter(Boolean);
    if (!machines.some((machine) => machine === 'pseries' || machine.startsWith('pseries-'))) {
        throw new TestFailure(`${commands.machines.join(' ')} lists no pseries machine (it lists ${machines.join(', ') || 'nothing'})`);
    }
    const stop = new AbortController();
    let banner = '';
    const run = await exec(commands.firmware, {
        ...logged,
        allowFailure: true,
        signal: stop.signal,
        timeoutMs: options.timeoutMs ?? 120_000,
        onLine: (line) => {
            const text = line.replace(ESCAPES, '');
            if (!banner && BANNER.test(text)) {
                banner = text.trim();
                stop.abort();
            }
        },
    });
    if (!banner) {
        const why = run.timedOut
            ? 'in time'
            : `before it ${run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`}`;
        const last = (run.stderr || run.stdout).trim().split('\n').at(-1);
        throw new TestFailure(`The pseries machine printed no firmware banner ${why}${last ? `: ${last}` : ''}`);
    }
    return { machines, banner };
}
/** Unpacks qemu-kvm-core and checks it; returns the binary's path for boot-test-guest. */
async function checkBuiltQemu(coreRpm, dir, options = {}) {
    await unpackRpm(coreRpm, dir, options.log);
    const binary = (0,external_node_path_namespaceObject.join)(dir, QEMU_KVM_BINARY);
    const result = await smokeTestQemu(smokeCommands(binary, (0,external_node_path_namespaceObject.join)(dir, QEMU_KVM_FIRMWARE), options.accel), options);
    return { ...result, binary };
}

;// CONCATENATED MODULE: ./src/qemu/action.ts
/** patch-qemu: qemu-kvm (and libvirt) rebuilt so that ppc64le hosts can run KVM guests. */












/** A folder of git format-patch files, applied in name order after the built-in edits. */
function patchSeries(dir, inputName) {
    if (!dir)
        return [];
    if (!(0,external_node_fs_namespaceObject.existsSync)(dir) || !(0,external_node_fs_namespaceObject.statSync)(dir).isDirectory()) {
        throw new ConfigurationError(`Input '${inputName}' names ${dir}, which is not a folder of .patch files`);
    }
    const patches = (0,external_node_fs_namespaceObject.readdirSync)(dir)
        .filter((name) => name.endsWith('.patch'))
        .sort();
    if (patches.length === 0) {
        throw new ConfigurationError(`Input '${inputName}' names ${dir}, which holds no .patch files`);
    }
    return patches;
}
async function addPatchSeries(tree, dir, patches, ctx) {
    return applyRecipe({
        source: `patch series ${dir}`,
        parameters: { insertMarker: false, ignoreVersionMacros: false, ignoreReleaseMacros: false },
        actions: patches.map((name, index) => ({
            type: 'add_files',
            fileType: 'patch',
            name,
            number: 'Latest',
            modifySpec: true,
            noBackup: true,
            index: index + 1,
        })),
    }, { packageDir: tree, filesDir: dir, scriptsDir: dir, log: ctx.log });
}
function deviceDiff(summary, devices) {
    const added = devices.after.filter((symbol) => !devices.before.includes(symbol));
    summary.heading('qemu-kvm ppc64 devices', 3);
    if (devices.before.length === 0) {
        summary.paragraph(`The tree had no ppc64-rh-devices.mak; the rebuild adds it with ${added.length} symbols: ${added.join(', ')}.`);
    }
    else if (added.length === 0) {
        summary.paragraph(`The stock device file already enables all ${devices.before.length} wanted symbols.`);
    }
    else {
        summary.table(['Symbol', 'Stock', 'Rebuild'], added.map((symbol) => [symbol, 'no', 'yes']));
        summary.paragraph(`${devices.before.length} symbols in the stock device file, ${devices.after.length} in the rebuild.`);
    }
    if (devices.unknown.length > 0) {
        summary.paragraph(`Left out, as this QEMU's Kconfig does not define them: ${devices.unknown.join(', ')}.`);
    }
}
const patchQemu = defineAction({
    name: 'patch-qemu',
    title: 'Patch qemu-kvm',
    description: 'Rebuild qemu-kvm (and optionally libvirt) from AlmaLinux 9 source RPMs with KVM guests enabled on ppc64le.',
    inputs: {
        packages: list({
            description: 'The packages to rebuild, in order.',
            default: 'qemu-kvm',
            item: /^(qemu-kvm|libvirt)$/,
            itemAccepted: 'qemu-kvm or libvirt',
        }),
        'qemu-kvm-srpm': srpmSourceInput({
            description: 'The qemu-kvm source RPM: path, URL, exact version, or `latest`.',
            default: 'latest',
        }),
        'libvirt-srpm': srpmSourceInput({
            description: 'The libvirt source RPM: path, URL, exact version, or `latest`.',
            default: 'latest',
        }),
        'repository-url': url({
            description: 'The source repository for `latest` and exact versions (the folder holding repodata/).',
            default: 'https://repo.almalinux.org/almalinux/9/AppStream/Source',
        }),
        'built-in-recipe': inputs_boolean({
            description: 'Apply the built-in ppc64le edits: tools_only lifted, ppc64 device list, slof.bin kept (qemu-kvm); power64 in arches_qemu_kvm (libvirt).',
            default: 'true',
        }),
        'qemu-kvm-patches': path({
            description: 'A folder of git format-patch files added to qemu-kvm in name order.',
            mustExist: 'directory',
            insideWorkspace: true,
        }),
        'libvirt-patches': path({
            description: 'A folder of git format-patch files added to libvirt in name order.',
            mustExist: 'directory',
            insideWorkspace: true,
        }),
        'qemu-kvm-autopatch': autopatchInput('Recipes applied to qemu-kvm.'),
        'libvirt-autopatch': autopatchInput('Recipes applied to libvirt.'),
        'release-suffix': string({
            description: 'Appended to Release: so the rebuild sorts above the stock package of the same version.',
            default: '.kvm1',
            pattern: /^\.[A-Za-z0-9_.]+$/,
            accepted: 'a dot followed by letters, digits, dots or underscores, such as .kvm1',
        }),
        'changelog-author': custom({
            description: 'The author of the changelog entry the built-in recipe adds.',
            default: 'kvm-actions <kvm-actions@users.noreply.github.com>',
        }, 'Name <email>', (raw) => {
            const author = parseAuthor(raw);
            if (!author)
                throw new InvalidValue();
            return author;
        }),
        'post-build-check': inputs_boolean({
            description: 'On a ppc64le runner, unpack the built qemu-kvm-core (nothing is installed) and start a pseries KVM machine to its firmware banner.',
            default: 'true',
        }),
        ...builderInputs,
        ...rebuildInputs,
        'results-dir': path({
            description: 'Where build logs and RPMs are written, one folder per package.',
            default: 'kvm-actions-results/patch-qemu',
            insideWorkspace: true,
        }),
    },
    outputs: {
        'source-nvrs': 'JSON object: package name to the NVR of the source RPM rebuilt.',
        nvrs: 'JSON object: package name to the NVR of the rebuild.',
        rpms: 'JSON list of every built RPM path (binary and source), all packages.',
        'cache-hit': 'true when every package was restored from the cache instead of built.',
        'qemu-kvm-path': 'The built /usr/libexec/qemu-kvm unpacked on this runner (ppc64le runners with post-build-check); empty elsewhere.',
        'results-dir': 'Absolute path of the folder with build logs and RPMs.',
    },
    async main(ctx) {
        const { inputs, setOutput, summary } = ctx;
        requireBuildTools(inputs.builder);
        const packages = [...new Set(inputs.packages)];
        const settings = {
            'qemu-kvm': {
                source: inputs.qemuKvmSrpm,
                recipes: inputs.qemuKvmAutopatch,
                ...(inputs.qemuKvmPatches ? { patches: inputs.qemuKvmPatches } : {}),
            },
            libvirt: {
                source: inputs.libvirtSrpm,
                recipes: inputs.libvirtAutopatch,
                ...(inputs.libvirtPatches ? { patches: inputs.libvirtPatches } : {}),
            },
        };
        const results = {};
        const reports = {};
        for (const name of packages) {
            const pkg = settings[name];
            const recipes = recipeSources(pkg.recipes, ctx.workspace, `${name}-autopatch`);
            const series = patchSeries(pkg.patches, `${name}-patches`);
            const options = { author: inputs.changelogAuthor, log: ctx.log };
            const hooks = inputs.builtInRecipe
                ? name === 'qemu-kvm'
                    ? qemuKvmRecipe(options)
                    : libvirtRecipe(options)
                : undefined;
            if (hooks)
                reports[name] = hooks.report;
            results[name] = await runRebuildStep(ctx, {
                package: name,
                source: pkg.source,
                repositoryUrl: inputs.repositoryUrl,
                recipes,
                release: { kind: 'suffix', value: inputs.releaseSuffix },
                builder: inputs.builder,
                mockConfig: inputs.mockConfig,
                timeoutMs: inputs.buildTimeout,
                ccache: inputs.ccache,
                resultsDir: inputs.resultsDir,
                expectations: [],
                prepare: async (tree, spec, defines) => [
                    ...((await hooks?.prepare(tree, spec, defines)) ?? []),
                    ...(pkg.patches ? await addPatchSeries(tree, (0,external_node_path_namespaceObject.resolve)(pkg.patches), series, ctx) : []),
                ],
                ...(hooks ? { finish: hooks.finish } : {}),
                skipBuild: !inputs.build,
                ...(pkg.patches ? { keyFiles: { [`${name}-patches`]: [(0,external_node_path_namespaceObject.resolve)(pkg.patches)] } } : {}),
                keyExtra: {
                    builtInRecipe: inputs.builtInRecipe ? 'ppc64le-1' : false,
                    author: inputs.changelogAuthor,
                    patches: series,
                },
            });
        }
        let qemuPath = '';
        const core = results['qemu-kvm']?.rpms.find((rpm) => rpm.name === 'qemu-kvm-core' && rpm.arch === 'ppc64le');
        if (inputs.postBuildCheck && core && (0,external_node_os_namespaceObject.machine)() === 'ppc64le') {
            const check = await checkBuiltQemu(core.path, (0,external_node_path_namespaceObject.join)(createWorkDir(ctx.state, 'qemu-kvm-check'), 'root'), {
                log: ctx.log,
            });
            qemuPath = check.binary;
            summary.paragraph(`Post-build check: ${check.binary} lists pseries and reached the firmware banner (${check.banner}).`);
        }
        else if (inputs.postBuildCheck && results['qemu-kvm']) {
            summary.paragraph(core
                ? `Post-build check not run: it needs a ppc64le runner, and this one is ${(0,external_node_os_namespaceObject.machine)()}.`
                : 'Post-build check not run: no ppc64le qemu-kvm-core was built (the builder targets another architecture).');
        }
        const all = Object.values(results);
        const byPackage = (pick) => Object.fromEntries(Object.entries(results).map(([name, result]) => [name, pick(result)]));
        setOutput('source-nvrs', byPackage((r) => r.sourceNvr));
        setOutput('nvrs', byPackage((r) => r.builtNvr));
        setOutput('rpms', all.flatMap((r) => r.rpms.map((rpm) => rpm.path)));
        setOutput('cache-hit', all.every((r) => r.cacheHit));
        setOutput('qemu-kvm-path', qemuPath);
        setOutput('results-dir', inputs.resultsDir);
        summary.table(['Package', ...REBUILD_COLUMNS], Object.entries(results).map(([name, r]) => [name, ...rebuildRow(r)]));
        const edits = all.flatMap((r) => r.edits);
        if (edits.length > 0) {
            summary.details('Edits applied', edits
                .map((e) => e.type === 'built-in'
                ? `built-in ${e.target}: ${e.detail}`
                : `#${e.index} ${e.type} ${e.target}: ${e.detail}`)
                .join('\n'));
        }
        skippedBuildSummary(summary, all);
        const devices = reports['qemu-kvm']?.devices;
        if (devices)
            deviceDiff(summary, devices);
    },
    post: postCleanUp,
});

;// CONCATENATED MODULE: ./src/repo/gpg.ts
/**
 * A private GnuPG home for one publish: the signing key imported from its armored text, the
 * passphrase in a file only the runner user can read (never argv, never the log), and every
 * gpg-agent it started stopped when it closes.
 */





class GpgHome {
    dir;
    fingerprint;
    passphraseFile;
    constructor(dir, fingerprint, passphraseFile) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.passphraseFile = passphraseFile;
    }
    /** Whether a signature has been made (and so the passphrase proven). */
    signed = false;
    /** The 16-hex-digit key id rpm prints in signatures. */
    get keyId() {
        return this.fingerprint.slice(-16).toLowerCase();
    }
    get env() {
        return { GNUPGHOME: this.dir };
    }
    /** Loopback pinentry with the passphrase file: gpg never asks, and the passphrase is never on argv. */
    get passphraseArgs() {
        return ['--batch', '--pinentry-mode', 'loopback', '--passphrase-file', this.passphraseFile];
    }
    /**
     * Imports the key into a new home under parent. Bad key text is a configuration error; a wrong
     * passphrase shows at the first signature (see signingFailure), which comes before anything
     * is switched: a separate probe would cost one more key unlock on every publish.
     */
    static async create(armoredKey, passphrase, parent = scratchDir()) {
        const dir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(parent, 'kvm-actions-gnupg-'));
        (0,external_node_fs_namespaceObject.chmodSync)(dir, 0o700);
        const passphraseFile = (0,external_node_path_namespaceObject.join)(dir, '.passphrase');
        (0,external_node_fs_namespaceObject.writeFileSync)(passphraseFile, passphrase, { mode: 0o600 });
        const env = { GNUPGHOME: dir };
        const imported = await exec(['gpg', '--batch', '--import'], {
            input: armoredKey,
            env,
            allowFailure: true,
        });
        const listing = await exec(['gpg', '--batch', '--with-colons', '--list-secret-keys'], {
            env,
            allowFailure: true,
        });
        const fingerprint = /^fpr:(?:[^:]*:){8}([0-9A-F]{40}):/m.exec(listing.stdout)?.[1];
        if (imported.exitCode !== 0 || !fingerprint) {
            await GpgHome.stopAgents(dir);
            (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
            throw new ConfigurationError("Input 'signing-key' is not an armored OpenPGP private key (gpg could not import a secret key from it)");
        }
        const home = new GpgHome(dir, fingerprint, passphraseFile);
        return home;
    }
    /** A gpg or rpmsign failure caused by the passphrase becomes the configuration error it is. */
    static signingFailure(error) {
        const text = error instanceof CommandFailedError ? error.result.stderr + error.result.stdout : '';
        if (/bad passphrase|no passphrase given|passphrase check failed/i.test(text)) {
            return new ConfigurationError("Input 'passphrase' does not unlock the signing key (gpg refused to sign with it)");
        }
        return error;
    }
    /** Proves the passphrase with a throwaway signature, for a run that had nothing else to sign. */
    async verifyPassphrase() {
        if (this.signed)
            return;
        await exec(['gpg', ...this.passphraseArgs, '-u', this.fingerprint, '--detach-sign', '--output', '-'], {
            input: 'passphrase check',
            env: this.env,
        }).catch((error) => {
            throw GpgHome.signingFailure(error);
        });
        this.signed = true;
    }
    async exportPublicKey() {
        return (await exec(['gpg', '--batch', '--armor', '--export', this.fingerprint], { env: this.env })).stdout;
    }
    /** A detached, armored signature of file at file.asc (repomd.xml.asc for repo_gpgcheck). */
    async detachSign(file) {
        const signature = `${file}.asc`;
        (0,external_node_fs_namespaceObject.rmSync)(signature, { force: true });
        await exec([
            'gpg',
            ...this.passphraseArgs,
            '--digest-algo',
            'SHA256',
            '-u',
            this.fingerprint,
            '--armor',
            '--detach-sign',
            '--output',
            signature,
            file,
        ], { env: this.env }).catch((error) => {
            throw GpgHome.signingFailure(error);
        });
        this.signed = true;
        return signature;
    }
    static async stopAgents(dir) {
        await exec(['gpgconf', '--kill', 'all'], { env: { GNUPGHOME: dir }, allowFailure: true });
    }
    /** Stops this home's gpg-agent and deletes the home, key and passphrase file with it. */
    async close() {
        await GpgHome.stopAgents(this.dir);
        (0,external_node_fs_namespaceObject.rmSync)(this.dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/repo/dnf-check.ts
/**
 * The real client's verdict on a staged repository: dnf in a throwaway installroot with gpgcheck
 * and repo_gpgcheck, failing on any metadata or signature problem (dnf exits 0 on a bad repo
 * signature unless skip_if_unavailable is off), listing every NEVRA it can see.
 */





/** Stops the gpg-agent of every GnuPG home dnf made under root (keyrings for repo_gpgcheck). */
async function stopAgentsUnder(root) {
    const homes = (0,external_node_fs_namespaceObject.readdirSync)(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => /(^|\/)(pubring\.kbx|pubring\.gpg|trustdb\.gpg)$/.test(file))
        .map((file) => (0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.join)(root, file)));
    for (const home of new Set([(0,external_node_path_namespaceObject.join)(root, 'gnupg'), ...homes])) {
        await exec(['gpgconf', '--homedir', home, '--kill', 'all'], { allowFailure: true });
    }
}
const QUERY_FORMAT = '%{name}-%{epoch}:%{version}-%{release}.%{arch}';
/** NEVRAs (epoch always written) that dnf sees in the repositories, after a strict makecache. */
async function dnfVisibleNevras(repos, arch, log) {
    const root = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(scratchDir(), 'kvm-actions-dnf-'));
    try {
        const reposDir = (0,external_node_path_namespaceObject.join)(root, 'repos.d');
        (0,external_node_fs_namespaceObject.mkdirSync)(reposDir);
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(reposDir, 'check.repo'), repos
            .map((r) => [
            `[${r.id}]`,
            `name=${r.id}`,
            `baseurl=${r.baseUrl}`,
            'enabled=1',
            'gpgcheck=1',
            'repo_gpgcheck=1',
            `gpgkey=${r.gpgKeyUrl}`,
            'skip_if_unavailable=False',
            '',
        ].join('\n'))
            .join('\n'));
        const common = [
            '--installroot',
            (0,external_node_path_namespaceObject.join)(root, 'installroot'),
            '--setopt',
            `reposdir=${reposDir}`,
            '--setopt',
            `cachedir=${(0,external_node_path_namespaceObject.join)(root, 'cache')}`,
            '--releasever',
            '9',
            '--forcearch',
            arch,
            '--assumeyes',
            '--quiet',
        ];
        // gpg's agent for dnf's own keyrings lives under the installroot; stop it before removing it.
        const env = { GNUPGHOME: (0,external_node_path_namespaceObject.join)(root, 'gnupg') };
        (0,external_node_fs_namespaceObject.mkdirSync)(env.GNUPGHOME, { mode: 0o700 });
        try {
            // repoquery loads (and so verifies) the metadata itself: one dnf run does both.
            const query = await exec(['dnf', ...common, 'repoquery', '--queryformat', `${QUERY_FORMAT}\\n`], {
                env,
                allowFailure: true,
                ...(log ? { log, group: 'dnf repoquery (gpgcheck, repo_gpgcheck)' } : {}),
            });
            if (query.exitCode !== 0) {
                throw new TestFailure(`dnf refuses the staged repository: ${(query.stderr || query.stdout).trim().split('\n').slice(-3).join(' ')}`);
            }
            return [...new Set(query.stdout.split('\n').filter(Boolean))].sort();
        }
        finally {
            await stopAgentsUnder(root);
        }
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(root, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/repo/metadata.ts
/** Repository metadata and the files hosts need to use it: repodata, the .repo file, the -release RPM. */







/** createrepo_c over one package folder: incremental when metadata exists. Returns the repomd revision. */
async function createRepo(dir, log) {
    const incremental = (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'repodata', 'repomd.xml'));
    await exec(['createrepo_c', '--quiet', ...(incremental ? ['--update'] : []), '--general-compress-type', 'gz', dir], {
        ...(log ? { log, group: `createrepo_c ${incremental ? '--update ' : ''}${dir}` } : {}),
    });
    const repomd = parseRepomd((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, 'repodata', 'repomd.xml'), 'utf8'), (0,external_node_path_namespaceObject.join)(dir, 'repodata', 'repomd.xml'));
    return repomd.revision ?? '';
}
function repoId(options) {
    return `${options.name}-${options.channel}`;
}
/** The .repo file hosts install: gpgcheck and repo_gpgcheck on, key from the repository itself. */
function repoFile(options) {
    const base = options.baseUrl.replace(/\/+$/, '');
    return [
        `[${repoId(options)}]`,
        `name=${options.name} ${options.channel} $releasever - $basearch`,
        `baseurl=${base}/$releasever/${options.channel}/$basearch/`,
        'enabled=1',
        'gpgcheck=1',
        'repo_gpgcheck=1',
        `gpgkey=${base}/$releasever/${options.channel}/RPM-GPG-KEY-${options.name}`,
        '',
    ].join('\n');
}
function releaseContentHash(repo, publicKey) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(repo).update('\0').update(publicKey).digest('hex').slice(0, 16);
}
/**
 * Builds `<name>-release` (noarch): installs the .repo file and the public key, like
 * epel-release. Its release number follows `release`; its description carries the content hash.
 */
async function buildReleaseRpm(name, releasever, release, repo, publicKey, outDir, log) {
    const top = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(scratchDir(), 'kvm-actions-release-'));
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.join)(top, 'SOURCES'), { recursive: true });
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.join)(top, 'SPECS'), { recursive: true });
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(top, 'SOURCES', `${name}.repo`), repo);
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(top, 'SOURCES', `RPM-GPG-KEY-${name}`), publicKey);
        const hash = releaseContentHash(repo, publicKey);
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(top, 'SPECS', `${name}-release.spec`), `Name: ${name}-release
Version: ${releasever}
Release: ${release}
Summary: Repository configuration and signing key for ${name}
License: MIT
BuildArch: noarch
Source0: ${name}.repo
Source1: RPM-GPG-KEY-${name}

%description
Installs the ${name} dnf repository definition and the key its packages are signed with.
content-hash: ${hash}

%install
install -D -m 0644 %{SOURCE0} %{buildroot}%{_sysconfdir}/yum.repos.d/${name}.repo
install -D -m 0644 %{SOURCE1} %{buildroot}%{_sysconfdir}/pki/rpm-gpg/RPM-GPG-KEY-${name}

%files
%config(noreplace) %{_sysconfdir}/yum.repos.d/${name}.repo
%{_sysconfdir}/pki/rpm-gpg/RPM-GPG-KEY-${name}
`);
        await exec(['rpmbuild', '-bb', '--define', `_topdir ${top}`, (0,external_node_path_namespaceObject.join)(top, 'SPECS', `${name}-release.spec`)], {
            ...(log ? { log, group: `Build ${name}-release` } : {}),
        });
        const built = (0,external_node_path_namespaceObject.join)(top, 'RPMS', 'noarch');
        const file = (0,external_node_fs_namespaceObject.readdirSync)(built).find((f) => f.endsWith('.rpm'));
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(outDir, file), (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(built, file)));
        return (0,external_node_path_namespaceObject.join)(outDir, file);
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(top, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/repo/sign.ts
/**
 * Signing RPMs with rpmsign and proving who signed them. `rpm -K` exits 0 for an unsigned
 * package, so the check reads what it says, with the expected key alone in a private rpm
 * database, and compares the header's key id with the expected one.
 */






/** Signs in batches (one rpmsign per batch), SHA-256 digests, passphrase through loopback pinentry. */
async function signRpms(files, gpg, batch = 200) {
    for (let start = 0; start < files.length; start += batch) {
        await exec([
            'rpmsign',
            '--addsign',
            '--define',
            '__gpg /usr/bin/gpg',
            '--define',
            `_gpg_path ${gpg.dir}`,
            '--define',
            `_gpg_name ${gpg.fingerprint}`,
            '--define',
            '_gpg_digest_algo sha256',
            '--define',
            `_gpg_sign_cmd_extra_args ${gpg.passphraseArgs.join(' ')}`,
            ...files.slice(start, start + batch),
        ], { env: gpg.env }).catch((error) => {
            throw GpgHome.signingFailure(error);
        });
        gpg.signed = true;
    }
}
/** What rpm says of each package's signature, checked against one public key and key id. */
async function checkSignatures(files, publicKeyFile, keyId) {
    if (files.length === 0)
        return [];
    const dbpath = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(scratchDir(), 'kvm-actions-rpmdb-'));
    try {
        await exec(['rpm', '--dbpath', dbpath, '--import', publicKeyFile]);
        const checks = [];
        for (let start = 0; start < files.length; start += 200) {
            const batch = files.slice(start, start + 200);
            const headers = await exec([
                'rpm',
                '-qp',
                '--nosignature',
                '--nodigest',
                '--qf',
                '%{RSAHEADER:pgpsig}|%{SIGPGP:pgpsig}\\n',
                ...batch,
            ]);
            const verified = await exec(['rpm', '--dbpath', dbpath, '-Kv', ...batch], { allowFailure: true });
            const lines = headers.stdout.trim().split('\n');
            batch.forEach((file, i) => {
                const signature = lines[i].split('|').find((part) => part !== '(none)');
                const report = sectionFor(verified.stdout, file);
                let problem;
                if (!signature)
                    problem = 'is not signed';
                else if (!signature.toLowerCase().includes(`key id ${keyId}`)) {
                    problem = `is signed by another key (${/key id ([0-9a-f]+)/i.exec(signature)?.[1] ?? signature}), expected ${keyId}`;
                }
                else if (/SHA1\b/.test(signature))
                    problem = 'is signed with a SHA-1 digest, which EL9 rejects';
                else if (!/Header V4 RSA\/SHA(256|384|512) Signature, key ID [0-9a-f]+: OK/.test(report)) {
                    problem = `fails signature verification: ${report
                        .split('\n')
                        .find((l) => /NOT OK|BAD|NOKEY/.test(l))
                        ?.trim() ?? 'no valid header signature'}`;
                }
                checks.push({ file, ...(problem ? { problem } : {}) });
            });
        }
        return checks;
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(dbpath, { recursive: true, force: true });
    }
}
/** The lines `rpm -Kv` printed for one file (its name line and the indented lines after it). */
function sectionFor(output, file) {
    const lines = output.split('\n');
    const start = lines.findIndex((line) => line.startsWith(`${file}:`));
    if (start === -1)
        return '';
    const end = lines.findIndex((line, i) => i > start && !line.startsWith(' ') && !line.startsWith('\t'));
    return lines.slice(start, end === -1 ? undefined : end).join('\n');
}
/** Refuses the publish, naming every package that is not signed by the expected key. */
async function requireSignedBy(files, publicKeyFile, keyId) {
    const refused = (await checkSignatures(files, publicKeyFile, keyId)).filter((check) => check.problem);
    if (refused.length > 0) {
        throw new TestFailure(`refusing to publish: ${refused.map((c) => `${(0,external_node_path_namespaceObject.basename)(c.file)} ${c.problem}`).join('; ')}`);
    }
}

;// CONCATENATED MODULE: ./src/repo/tree.ts
/**
 * The published tree on disk. Each channel is a symlink to a complete state folder; a publish
 * builds a new state beside it (hard links for unchanged packages) and switches the symlink with
 * one rename, keeping the previous state for rollback. A lock folder keeps publishes apart.
 */




function channelPaths(target, releasever, channel) {
    const states = (0,external_node_path_namespaceObject.join)(target, '.states');
    return {
        live: (0,external_node_path_namespaceObject.join)(target, releasever, channel),
        states,
        previous: (0,external_node_path_namespaceObject.join)(states, `${releasever}-${channel}.previous`),
    };
}
/** The state folder a link points at, or undefined. */
function linkTarget(link) {
    try {
        return (0,external_node_path_namespaceObject.resolve)((0,external_node_path_namespaceObject.dirname)(link), (0,external_node_fs_namespaceObject.readlinkSync)(link));
    }
    catch {
        return undefined;
    }
}
/** Points link at target atomically: a new link beside it, renamed over it. */
function switchLink(link, target) {
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(link), { recursive: true });
    const temporary = `${link}.switch-${process.pid}`;
    (0,external_node_fs_namespaceObject.rmSync)(temporary, { force: true });
    (0,external_node_fs_namespaceObject.symlinkSync)(target, temporary);
    (0,external_node_fs_namespaceObject.renameSync)(temporary, link);
}
/** mkdir is atomic: the first publish takes the lock; a lock whose owner died is taken over. */
function acquireLock(target) {
    const lock = (0,external_node_path_namespaceObject.join)(target, '.lock');
    (0,external_node_fs_namespaceObject.mkdirSync)(target, { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            (0,external_node_fs_namespaceObject.mkdirSync)(lock);
            (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(lock, 'pid'), String(process.pid));
            return () => (0,external_node_fs_namespaceObject.rmSync)(lock, { recursive: true, force: true });
        }
        catch {
            const owner = Number((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(lock, 'pid')) ? (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(lock, 'pid'), 'utf8') : NaN);
            if (Number.isInteger(owner) && isAlive(owner)) {
                throw new InfrastructureError(`another publish (pid ${owner}) holds the lock on ${target}; try again when it ends`);
            }
            (0,external_node_fs_namespaceObject.rmSync)(lock, { recursive: true, force: true });
        }
    }
    throw new InfrastructureError(`cannot take the lock ${lock}`);
}
/** A new, empty state folder for the channel. */
function newState(paths, releasever, channel) {
    const dir = (0,external_node_path_namespaceObject.join)(paths.states, `${releasever}-${channel}-${Date.now()}-${process.pid}`);
    (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
    return dir;
}
/** The previous state's package folder in the new state: RPMs hard-linked, metadata copied for --update. */
function seedFrom(previous, state, folder) {
    const from = previous ? (0,external_node_path_namespaceObject.join)(previous, folder) : undefined;
    const to = (0,external_node_path_namespaceObject.join)(state, folder);
    (0,external_node_fs_namespaceObject.mkdirSync)(to, { recursive: true });
    if (!from || !(0,external_node_fs_namespaceObject.existsSync)(from))
        return;
    for (const name of (0,external_node_fs_namespaceObject.readdirSync)(from)) {
        if (name.endsWith('.rpm'))
            (0,external_node_fs_namespaceObject.linkSync)((0,external_node_path_namespaceObject.join)(from, name), (0,external_node_path_namespaceObject.join)(to, name));
    }
    if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(from, 'repodata')))
        (0,external_node_fs_namespaceObject.cpSync)((0,external_node_path_namespaceObject.join)(from, 'repodata'), (0,external_node_path_namespaceObject.join)(to, 'repodata'), { recursive: true });
}
/** Removes state folders that neither the live link nor the previous link uses (killed publishes, old states). */
function pruneStates(paths, releasever, channel) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(paths.states))
        return [];
    const keep = new Set([linkTarget(paths.live), linkTarget(paths.previous)].filter(Boolean));
    const prefix = `${releasever}-${channel}-`;
    const removed = [];
    for (const name of (0,external_node_fs_namespaceObject.readdirSync)(paths.states)) {
        const dir = (0,external_node_path_namespaceObject.join)(paths.states, name);
        if (!name.startsWith(prefix) || keep.has(dir) || !(0,external_node_fs_namespaceObject.statSync)(dir).isDirectory())
            continue;
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
        removed.push((0,external_node_path_namespaceObject.basename)(dir));
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/repo/publish.ts
/**
 * Publishing to a local repository tree: sign, stage a complete new state beside the live one,
 * verify it with rpm and dnf, then switch the channel to it in one rename. Until that rename the
 * live tree is untouched, whatever fails and whenever the process dies.
 */













const nevra = (p) => `${p.name}-${p.epoch}:${p.version}-${p.release}.${p.arch}`;
async function headers(files) {
    const found = [];
    for (let start = 0; start < files.length; start += 200) {
        const batch = files.slice(start, start + 200);
        const { stdout } = await exec([
            'rpm',
            '-qp',
            '--nosignature',
            '--nodigest',
            '--qf',
            '%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SOURCEPACKAGE}|%{SHA256HEADER}\\n',
            ...batch,
        ]);
        stdout
            .trim()
            .split('\n')
            .forEach((line, i) => {
            const [name = '', epoch = '0', version = '', release = '', arch = '', source = '', digest = ''] = line.split('|');
            found.push({
                file: batch[i],
                name,
                epoch: Number(epoch),
                version,
                release,
                arch: source === '1' ? 'src' : arch,
                digest,
            });
        });
    }
    return found;
}
/** The packages a folder's metadata lists (the previous state's), read from its primary.xml. */
async function listed(dir) {
    const repomdFile = (0,external_node_path_namespaceObject.join)(dir, 'repodata', 'repomd.xml');
    if (!(0,external_node_fs_namespaceObject.existsSync)(repomdFile))
        return [];
    const primary = parseRepomd((0,external_node_fs_namespaceObject.readFileSync)(repomdFile, 'utf8'), repomdFile).entries.find((e) => e.type === 'primary');
    if (!primary)
        return [];
    return parsePrimary(await decompress((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, primary.href)), primary.href), (0,external_node_url_namespaceObject.pathToFileURL)(dir).href + '/');
}
function folderFor(arch, arches) {
    if (arch === 'src')
        return ['Source'];
    if (arch === 'noarch')
        return arches;
    if (arches.includes(arch))
        return [arch];
    throw new ConfigurationError(`an RPM is built for ${arch}, which is not among the published arches (${arches.join(', ')})`);
}
async function publish(options) {
    const { log } = options;
    const paths = channelPaths(options.target, options.releasever, options.channel);
    const baseUrl = options.baseUrl ?? (0,external_node_url_namespaceObject.pathToFileURL)(options.target).href;
    const release = acquireLock(options.target);
    try {
        pruneStates(paths, options.releasever, options.channel);
        const previous = linkTarget(paths.live);
        const state = newState(paths, options.releasever, options.channel);
        const releaseDir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(scratchDir(), 'kvm-actions-release-rpm-'));
        try {
            const folders = [...options.arches, 'Source'];
            for (const folder of folders)
                seedFrom(previous, state, folder);
            // The -release package: rebuilt only when the .repo file or the key changes.
            const repo = repoFile({ name: options.name, channel: options.channel, baseUrl });
            const hash = releaseContentHash(repo, options.publicKey);
            const releaseName = `${options.name}-release`;
            const existing = new Map();
            for (const folder of folders)
                existing.set(folder, previous ? await listed((0,external_node_path_namespaceObject.join)(previous, folder)) : []);
            const oldRelease = existing
                .get(options.arches[0])
                .filter((p) => p.name === releaseName)
                .sort((a, b) => compareEvr(b, a))[0];
            const oldHash = oldRelease
                ? (await exec([
                    'rpm',
                    '-qp',
                    '--qf',
                    '%{DESCRIPTION}',
                    (0,external_node_path_namespaceObject.join)(previous, options.arches[0], (0,external_node_path_namespaceObject.basename)(new URL(oldRelease.url).pathname)),
                ])).stdout
                : '';
            const incoming = [...options.rpms];
            if (!oldHash.includes(`content-hash: ${hash}`)) {
                const number = oldRelease ? Number(/^(\d+)/.exec(oldRelease.release ?? '0')?.[1] ?? 0) + 1 : 1;
                incoming.push(await buildReleaseRpm(options.name, options.releasever, number, repo, options.publicKey, releaseDir, log));
            }
            // Copies of the incoming RPMs are signed, never the caller's files.
            const staged = new Map();
            // A noarch package goes into every arch folder: the extra copies are made once it is signed.
            const extraCopies = [];
            const newHeaders = await headers(incoming);
            const added = [];
            const unchanged = [];
            for (const header of newHeaders) {
                for (const folder of folderFor(header.arch, options.arches)) {
                    const already = existing
                        .get(folder)
                        .find((p) => nevra({ ...p, release: p.release ?? '' }) === nevra(header));
                    const destination = (0,external_node_path_namespaceObject.join)(state, folder, (0,external_node_path_namespaceObject.basename)(header.file));
                    if (already) {
                        const [old] = await headers([(0,external_node_path_namespaceObject.join)(state, folder, (0,external_node_path_namespaceObject.basename)(new URL(already.url).pathname))]);
                        if (old.digest !== header.digest) {
                            throw new ConfigurationError(`${nevra(header)} is already published with different content; raise its release to publish a rebuild`);
                        }
                        unchanged.push(nevra(header));
                        continue;
                    }
                    const first = staged.get(header.file);
                    if (first)
                        extraCopies.push({ from: first, to: destination });
                    else {
                        (0,external_node_fs_namespaceObject.copyFileSync)(header.file, destination);
                        staged.set(header.file, destination);
                    }
                    added.push({ ...header, file: destination });
                }
            }
            const firstCopies = [...staged.values()];
            if (options.gpg)
                await signRpms(firstCopies, options.gpg);
            for (const { from, to } of extraCopies)
                (0,external_node_fs_namespaceObject.copyFileSync)(from, to);
            const publicKeyFile = (0,external_node_path_namespaceObject.join)(state, `RPM-GPG-KEY-${options.name}`);
            (0,external_node_fs_namespaceObject.writeFileSync)(publicKeyFile, options.publicKey);
            await requireSignedBy(firstCopies, publicKeyFile, keyIdOf(options));
            // Retention: the newest EVRs of each name stay, per folder.
            const pruned = [];
            const prunedIn = new Set();
            const kept = [];
            for (const folder of folders) {
                const present = [
                    ...existing.get(folder).map((p) => ({
                        ...p,
                        release: p.release ?? '',
                        file: (0,external_node_path_namespaceObject.join)(state, folder, (0,external_node_path_namespaceObject.basename)(new URL(p.url).pathname)),
                    })),
                    ...added.filter((h) => h.file.startsWith((0,external_node_path_namespaceObject.join)(state, folder) + '/')),
                ];
                const byName = new Map();
                for (const pkg of present)
                    byName.set(`${pkg.name}.${pkg.arch}`, [...(byName.get(`${pkg.name}.${pkg.arch}`) ?? []), pkg]);
                for (const versions of byName.values()) {
                    versions.sort((a, b) => compareEvr(b, a));
                    for (const old of versions.slice(options.retention)) {
                        if ((0,external_node_fs_namespaceObject.existsSync)(old.file))
                            (0,external_node_fs_namespaceObject.unlinkSync)(old.file);
                        pruned.push(nevra(old));
                        prunedIn.add(folder);
                    }
                    for (const pkg of versions.slice(0, options.retention)) {
                        if (!added.includes(pkg))
                            kept.push(nevra(pkg));
                    }
                }
            }
            // Only folders whose packages changed get new metadata (and a new dnf check).
            const changedFolders = folders.filter((folder) => !(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(state, folder, 'repodata', 'repomd.xml')) ||
                added.some((h) => h.file.startsWith((0,external_node_path_namespaceObject.join)(state, folder) + '/')) ||
                prunedIn.has(folder));
            const revisions = {};
            for (const folder of folders) {
                if (!changedFolders.includes(folder)) {
                    revisions[folder] =
                        parseRepomd((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(state, folder, 'repodata', 'repomd.xml'), 'utf8')).revision ?? '';
                    continue;
                }
                revisions[folder] = await createRepo((0,external_node_path_namespaceObject.join)(state, folder), log);
                if (options.gpg)
                    await options.gpg.detachSign((0,external_node_path_namespaceObject.join)(state, folder, 'repodata', 'repomd.xml'));
                else if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(state, folder, 'repodata', 'repomd.xml.asc'))) {
                    throw new ConfigurationError('publishing without a signing-key can only promote or roll back; new metadata must be signed');
                }
            }
            (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(state, `${options.name}.repo`), repo);
            // dnf must accept every folder and see exactly what was staged there.
            const keyUrl = (0,external_node_url_namespaceObject.pathToFileURL)(publicKeyFile).href;
            for (const folder of options.arches.filter((f) => changedFolders.includes(f))) {
                const expected = [
                    ...kept.filter((n) => n.endsWith('.noarch') || n.endsWith(`.${folder}`)),
                    ...added.filter((h) => h.file.startsWith((0,external_node_path_namespaceObject.join)(state, folder) + '/')).map(nevra),
                ];
                const visible = await dnfVisibleNevras([{ id: repoId(options), baseUrl: (0,external_node_url_namespaceObject.pathToFileURL)((0,external_node_path_namespaceObject.join)(state, folder)).href, gpgKeyUrl: keyUrl }], folder, log);
                const missing = expected.filter((n) => !visible.includes(n));
                const extra = visible.filter((n) => !expected.includes(n));
                if (missing.length > 0 || extra.length > 0) {
                    throw new TestFailure(`dnf sees another ${folder} repository than was staged: missing ${missing.join(', ') || 'none'}; unexpected ${extra.join(', ') || 'none'}`);
                }
            }
            // A run with nothing to sign still proves the key works, so a bad secret shows today.
            await options.gpg?.verifyPassphrase();
            const result = {
                added: [...new Set(added.map(nevra))],
                kept: [...new Set(kept)],
                pruned: [...new Set(pruned)],
                revisions,
                live: paths.live,
                state,
                repoFile: repo,
                dryRun: options.dryRun,
            };
            result.kept.push(...unchanged.filter((n) => !result.kept.includes(n)));
            if (options.dryRun) {
                (0,external_node_fs_namespaceObject.rmSync)(state, { recursive: true, force: true });
                return result;
            }
            switchLink(paths.live, state);
            if (previous)
                switchLink(paths.previous, previous);
            pruneStates(paths, options.releasever, options.channel);
            log.info(`Published ${options.channel}: ${paths.live} -> ${state}`);
            return result;
        }
        catch (error) {
            (0,external_node_fs_namespaceObject.rmSync)(state, { recursive: true, force: true });
            throw error;
        }
        finally {
            (0,external_node_fs_namespaceObject.rmSync)(releaseDir, { recursive: true, force: true });
        }
    }
    finally {
        release();
    }
}
function keyIdOf(options) {
    if (options.gpg)
        return options.gpg.keyId;
    throw new ConfigurationError('a signing key is needed to check signatures');
}
/** Swaps the channel back to its previous state (and keeps the current one as the new previous). */
function rollback(target, releasever, channel) {
    const paths = channelPaths(target, releasever, channel);
    const release = acquireLock(target);
    try {
        const current = linkTarget(paths.live);
        const previous = linkTarget(paths.previous);
        if (!current || !previous || !(0,external_node_fs_namespaceObject.existsSync)(previous)) {
            throw new ConfigurationError(`${paths.live} has no previous state to roll back to`);
        }
        switchLink(paths.live, previous);
        switchLink(paths.previous, current);
        return { from: current, to: previous };
    }
    finally {
        release();
    }
}
/** The files of exact NEVRAs (or all but the -release package) in a channel's live state. */
async function channelFiles(target, releasever, channel, arches, name, nevras) {
    const live = linkTarget(channelPaths(target, releasever, channel).live);
    if (!live)
        throw new ConfigurationError(`channel ${channel} has not been published in ${target}`);
    const files = new Map();
    for (const folder of [...arches, 'Source']) {
        for (const pkg of await listed((0,external_node_path_namespaceObject.join)(live, folder))) {
            if (pkg.name === `${name}-release`)
                continue;
            const id = nevra({ ...pkg, release: pkg.release ?? '' });
            if (nevras.length === 0 || nevras.some((n) => n === id || n === id.replace(/-0:/, '-'))) {
                files.set(id, (0,external_node_path_namespaceObject.join)(live, folder, (0,external_node_path_namespaceObject.basename)(new URL(pkg.url).pathname)));
            }
        }
    }
    const missing = nevras.filter((n) => ![...files.keys()].some((id) => id === n || id.replace(/-0:/, '-') === n));
    if (missing.length > 0)
        throw new ConfigurationError(`channel ${channel} does not have ${missing.join(', ')}`);
    return [...files.values()];
}

;// CONCATENATED MODULE: ./src/repo/ssh.ts
/**
 * A repository tree on another machine, reached over SSH with a pinned host key. The heavy work
 * (signing, createrepo_c, dnf verification) runs on a local mirror of the remote tree; the remote
 * side needs only a POSIX shell, GNU tar, cp and sha256sum: the new state is assembled beside the
 * live one (hard links for what did not change), its checksums compared with the local ones,
 * and the channel switched with one remote rename.
 */








const SSH_TARGET = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(\/[A-Za-z0-9._/-]*)$/;
function parseSshTarget(target, port) {
    const match = SSH_TARGET.exec(target);
    if (!match)
        return undefined;
    return { user: match[1], host: match[2], path: match[3].replace(/(.)\/+$/, '$1'), port };
}
/** Quotes one word for the remote POSIX shell: ssh hands the remote side one command string. */
function shellQuote(word) {
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/** Remote scripts: fixed text, every value a positional argument. */
const REMOTE = {
    lock: 'mkdir -p "$1" && mkdir "$1/.lock" 2>/dev/null && printf "%s" "$2" > "$1/.lock/owner" || { cat "$1/.lock/owner" 2>/dev/null; exit 3; }',
    forceLock: 'rm -rf "$1/.lock" && mkdir "$1/.lock" && printf "%s" "$2" > "$1/.lock/owner"',
    unlock: 'rm -rf "$1/.lock"',
    live: 'if [ -L "$1" ]; then readlink -f "$1"; fi',
    stage: 'set -e; mkdir -p "$(dirname "$2")"; rm -rf "$2"; mkdir "$2"; if [ -n "$1" ]; then cp -al "$1/." "$2/"; fi; cd "$2"; xargs -0 -r rm -f --',
    extract: 'set -e; tar --unlink-first -xf - -C "$1"',
    sums: 'set -e; cd "$1"; find . -type f | LC_ALL=C sort | sed "s|^\\./||" | tr "\\n" "\\0" | xargs -0 -r sha256sum --',
    switch: 'set -e; mkdir -p "$(dirname "$2")"; ln -sfn "$1" "$2.switch"; mv -T "$2.switch" "$2"; if [ -n "$3" ]; then ln -sfn "$3" "$4.switch"; mv -T "$4.switch" "$4"; fi',
    prune: 'set -e; cd "$1" 2>/dev/null || exit 0; for d in "$2"*; do [ -d "$d" ] || continue; case "$PWD/$d" in "$3"|"$4") ;; *) rm -rf "$d";; esac; done',
};
class SshSession {
    target;
    log;
    options;
    constructor(target, configDir, privateKey, knownHosts, log) {
        this.target = target;
        this.log = log;
        (0,external_node_fs_namespaceObject.mkdirSync)(configDir, { recursive: true, mode: 0o700 });
        const identity = (0,external_node_path_namespaceObject.join)(configDir, 'id');
        (0,external_node_fs_namespaceObject.writeFileSync)(identity, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`, { mode: 0o600 });
        (0,external_node_fs_namespaceObject.chmodSync)(identity, 0o600);
        const known = (0,external_node_path_namespaceObject.join)(configDir, 'known_hosts');
        (0,external_node_fs_namespaceObject.writeFileSync)(known, knownHosts.endsWith('\n') ? knownHosts : `${knownHosts}\n`);
        // The host key is pinned: no prompt, no trust on first use, no other known_hosts.
        this.options = [
            ...['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${known}`],
            ...['-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'IdentitiesOnly=yes', '-o', 'ConnectTimeout=20'],
            ...['-i', identity, '-p', String(target.port), '-l', target.user],
        ];
    }
    command(script, args) {
        return ['sh', '-c', script, 'kvm-actions', ...args].map(shellQuote).join(' ');
    }
    failed(result) {
        const last = result.stderr.trim().split('\n').at(-1);
        if (result.exitCode === 255) {
            throw new InfrastructureError(`ssh to ${this.target.user}@${this.target.host}:${this.target.port} failed: ${last}`);
        }
        throw new InfrastructureError(`a remote command failed on ${this.target.host}: ${last || `exit code ${result.exitCode}`}`);
    }
    async run(script, args, input, okCodes = [0]) {
        const result = await exec(['ssh', ...this.options, this.target.host, this.command(script, args)], {
            allowFailure: true,
            ...(input !== undefined ? { input } : {}),
        });
        if (!okCodes.includes(result.exitCode ?? -1))
            this.failed(result);
        return result;
    }
    /** Remote folder → local folder, as a tar stream. */
    async download(remoteDir, localDir) {
        (0,external_node_fs_namespaceObject.mkdirSync)(localDir, { recursive: true });
        const command = ['tar', '-C', remoteDir, '-cf', '-', '.'].map(shellQuote).join(' ');
        const result = await exec([
            'bash',
            '-c',
            'set -o pipefail; dest=$1; cmd=$2; shift 2; ssh "$@" "$cmd" | tar -xf - -C "$dest"',
            'download',
            localDir,
            command,
            ...this.options,
            this.target.host,
        ], {
            allowFailure: true,
            ...(this.log ? { log: this.log, group: `Mirror ${this.target.host}:${remoteDir}` } : {}),
        });
        if (result.exitCode !== 0)
            this.failed(result);
    }
    /** Local files (relative to localDir, listed in a NUL-separated file) → remote folder. */
    async upload(localDir, listFile, remoteDir) {
        const command = this.command(REMOTE.extract, [remoteDir]);
        const result = await exec([
            'bash',
            '-c',
            'set -o pipefail; src=$1; list=$2; cmd=$3; shift 3; tar -C "$src" --null -T "$list" -cf - | ssh "$@" "$cmd"',
            'upload',
            localDir,
            listFile,
            command,
            ...this.options,
            this.target.host,
        ], {
            allowFailure: true,
            ...(this.log ? { log: this.log, group: `Upload to ${this.target.host}:${remoteDir}` } : {}),
        });
        if (result.exitCode !== 0)
            this.failed(result);
    }
}
function files(dir) {
    return (0,external_node_fs_namespaceObject.readdirSync)(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => (0,external_node_path_namespaceObject.relative)(dir, (0,external_node_path_namespaceObject.join)(entry.parentPath, entry.name)))
        .sort();
}
function sha256(file) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update((0,external_node_fs_namespaceObject.readFileSync)(file)).digest('hex');
}
function remoteChannel(target, releasever, channel) {
    const paths = channelPaths(target.path, releasever, channel);
    return { live: paths.live, states: paths.states, previous: paths.previous };
}
class RemoteRepository {
    session;
    mirror;
    log;
    owner = `${(0,external_node_os_namespaceObject.hostname)()}:${process.pid}`;
    constructor(session, mirror, log) {
        this.session = session;
        this.mirror = mirror;
        this.log = log;
    }
    /** The remote lock; one left by a dead process of this machine is taken over. */
    async lock() {
        const root = this.session.target.path;
        const taken = await this.session.run(REMOTE.lock, [root, this.owner], undefined, [0, 3]);
        if (taken.exitCode === 3) {
            const [host, pid] = taken.stdout.trim().split(':');
            const dead = host === (0,external_node_os_namespaceObject.hostname)() && Number(pid) > 0 && !isAlive(Number(pid));
            if (!dead)
                throw new InfrastructureError(`another publish (${taken.stdout.trim()}) holds the lock on ${this.session.target.host}:${root}`);
            await this.session.run(REMOTE.forceLock, [root, this.owner]);
        }
        return async () => {
            await this.session.run(REMOTE.unlock, [root]);
        };
    }
    /** Makes the local mirror's channel point at a copy of the remote live state (downloaded when it differs). */
    async syncMirror(releasever, channel) {
        const remote = remoteChannel(this.session.target, releasever, channel);
        const live = (await this.session.run(REMOTE.live, [remote.live])).stdout.trim();
        const local = channelPaths(this.mirror, releasever, channel);
        if (!live) {
            (0,external_node_fs_namespaceObject.rmSync)(local.live, { force: true });
            return;
        }
        const name = (0,external_node_path_namespaceObject.basename)(live);
        const copy = (0,external_node_path_namespaceObject.join)(local.states, name);
        if (linkTarget(local.live) === copy && (0,external_node_fs_namespaceObject.existsSync)(copy))
            return;
        (0,external_node_fs_namespaceObject.rmSync)(copy, { recursive: true, force: true });
        await this.session.download(live, copy);
        switchLink(local.live, copy);
    }
    /**
     * Uploads the local state (built from previousLocal) as a remote staging folder, checks every
     * file's sha256 there against the local one, then switches the remote channel to it.
     */
    async publishState(releasever, channel, state, previousLocal) {
        const remote = remoteChannel(this.session.target, releasever, channel);
        const remoteLive = (await this.session.run(REMOTE.live, [remote.live])).stdout.trim();
        const staging = (0,external_node_path_namespaceObject.join)(remote.states, (0,external_node_path_namespaceObject.basename)(state));
        const wanted = files(state);
        // A file is unchanged when the new state hard-links the previous one's.
        const unchanged = new Set(previousLocal
            ? wanted.filter((file) => (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(previousLocal, file)) &&
                (0,external_node_fs_namespaceObject.statSync)((0,external_node_path_namespaceObject.join)(previousLocal, file)).ino === (0,external_node_fs_namespaceObject.statSync)((0,external_node_path_namespaceObject.join)(state, file)).ino)
            : []);
        const previousFiles = previousLocal ? files(previousLocal) : [];
        const remove = previousFiles.filter((file) => !unchanged.has(file));
        await this.session.run(REMOTE.stage, [remoteLive, staging], remove.map((f) => `${f}\0`).join(''));
        const listFile = (0,external_node_path_namespaceObject.join)(this.mirror, `.upload-${process.pid}`);
        (0,external_node_fs_namespaceObject.writeFileSync)(listFile, wanted
            .filter((file) => !unchanged.has(file))
            .map((f) => `${f}\0`)
            .join(''));
        try {
            await this.session.upload(state, listFile, staging);
        }
        finally {
            (0,external_node_fs_namespaceObject.rmSync)(listFile, { force: true });
        }
        const sums = new Map((await this.session.run(REMOTE.sums, [staging])).stdout
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((line) => [line.slice(66), line.slice(0, 64)]));
        const wrong = wanted.filter((file) => sums.get(file) !== sha256((0,external_node_path_namespaceObject.join)(state, file)));
        const extra = [...sums.keys()].filter((file) => !wanted.includes(file));
        if (wrong.length > 0 || extra.length > 0) {
            throw new TestFailure(`the remote staging copy differs from the verified one: ${[...wrong.map((f) => `${f} differs`), ...extra.map((f) => `${f} is extra`)].join(', ')}`);
        }
        await this.session.run(REMOTE.switch, [staging, remote.live, remoteLive, remote.previous]);
        this.log?.info(`Published ${this.session.target.host}:${remote.live} -> ${staging}`);
        await this.session.run(REMOTE.prune, [remote.states, `${releasever}-${channel}-`, staging, remoteLive]);
    }
    async rollback(releasever, channel) {
        const remote = remoteChannel(this.session.target, releasever, channel);
        const current = (await this.session.run(REMOTE.live, [remote.live])).stdout.trim();
        const previous = (await this.session.run(REMOTE.live, [remote.previous])).stdout.trim();
        if (!current || !previous)
            throw new InfrastructureError(`${this.session.target.host}:${remote.live} has no previous state to roll back to`);
        await this.session.run(REMOTE.switch, [previous, remote.live, current, remote.previous]);
        return { from: current, to: previous };
    }
}

;// CONCATENATED MODULE: ./src/repo/action.ts
/** publish-repo: signed, verified, atomic dnf repositories with channels, retention and rollback. */













const CHANNEL = /^[a-z0-9][a-z0-9_-]*$/;
const CHANNEL_FORM = 'lower-case letters, digits, - and _, such as testing';
const publishRepo = defineAction({
    name: 'publish-repo',
    title: 'Publish repository',
    description: 'Sign RPMs and publish them as a verified dnf repository, switched into place atomically.',
    inputs: {
        rpms: rpmSetInput({ description: 'The RPMs to publish (not needed to promote or roll back).' }),
        target: string({
            description: 'The repository tree: a local directory (created if missing), or user@host:/path over SSH (with ssh-key and ssh-known-hosts).',
            required: true,
            pattern: /^(?:[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\/[A-Za-z0-9._/-]*|[^@\s][^\s]*)$/,
            accepted: 'a directory path, or user@host:/absolute/path',
        }),
        'ssh-key': string({
            description: 'For an SSH target: the private key to log in with (from a secret).',
            secret: true,
        }),
        'ssh-known-hosts': string({
            description: 'For an SSH target: the pinned host key line(s), as in known_hosts ([host]:port for a port other than 22).',
        }),
        'ssh-port': integer({
            description: 'For an SSH target: the port sshd listens on.',
            default: '22',
            min: 1,
            max: 65535,
        }),
        name: string({
            description: 'Repository name: the .repo id prefix, the key file RPM-GPG-KEY-<name> and the <name>-release package.',
            default: 'kvm-power',
            pattern: /^[a-z0-9][a-z0-9_-]*$/,
            accepted: 'lower-case letters, digits, - and _, such as kvm-power',
        }),
        releasever: string({
            description: 'The EL release the tree is for.',
            default: '9',
            pattern: /^\d+$/,
            accepted: 'a number such as 9',
        }),
        channel: string({
            description: 'The channel to publish to, such as testing or stable.',
            default: 'testing',
            pattern: CHANNEL,
            accepted: CHANNEL_FORM,
        }),
        arches: list({
            description: 'Architecture folders; noarch packages go into each.',
            default: 'ppc64le',
            item: /^[a-z0-9_]+$/,
            itemAccepted: 'architecture names such as ppc64le',
        }),
        'base-url': url({
            description: 'The URL hosts use for the tree, written into the .repo file; default file:// of the target.',
        }),
        'signing-key': string({
            description: 'The armored OpenPGP private key that signs packages and metadata (from a secret).',
            secret: true,
        }),
        passphrase: string({ description: 'The signing key’s passphrase (from a secret).', secret: true }),
        retention: integer({
            description: 'How many EVRs of each package name stay published.',
            default: '3',
            min: 1,
            max: 1000,
        }),
        'promote-from': string({
            description: 'Copy packages from this channel instead of publishing new RPMs.',
            pattern: CHANNEL,
            accepted: CHANNEL_FORM,
        }),
        packages: list({
            description: 'With promote-from: the exact NEVRAs to copy (empty: all but the -release package).',
        }),
        rollback: inputs_boolean({
            description: 'Switch the channel back to its previous state.',
            default: 'false',
        }),
        'dry-run': inputs_boolean({
            description: 'Stage and verify everything, switch nothing.',
            default: 'false',
        }),
    },
    outputs: {
        added: 'JSON list of the NEVRAs added.',
        kept: 'JSON list of the NEVRAs that stay published.',
        pruned: 'JSON list of the NEVRAs removed by retention.',
        'repomd-revision': 'JSON object: folder (arch or Source) to the revision of its repomd.xml.',
        'repo-path': 'The channel’s live path.',
        'repo-file': 'The .repo file hosts use, as text.',
    },
    async main(ctx) {
        const { inputs, setOutput, summary, workspace, state, log } = ctx;
        requireTools(['rpm', 'rpmsign', 'rpmbuild', 'gpg', 'gpgconf', 'createrepo_c', 'dnf']);
        const remote = parseSshTarget(inputs.target, inputs.sshPort);
        let repository;
        let root = (0,external_node_path_namespaceObject.resolve)(workspace, inputs.target);
        if (remote) {
            if (!inputs.sshKey || !inputs.sshKnownHosts) {
                throw new ConfigurationError("Inputs 'ssh-key' and 'ssh-known-hosts' are required for an SSH target; expected the private key and the pinned host key line");
            }
            requireTools(['ssh', 'tar']);
            for (const line of inputs.sshKey.split('\n').filter((l) => l.trim().length >= 8))
                ctx.setSecret(line);
            const session = new SshSession(remote, createWorkDir(state, 'ssh'), inputs.sshKey, inputs.sshKnownHosts, log);
            root = (0,external_node_path_namespaceObject.join)(defaultCacheDir(), 'ssh-mirrors', (0,external_node_crypto_namespaceObject.createHash)('sha256')
                .update(`${remote.user}@${remote.host}:${remote.port}:${remote.path}`)
                .digest('hex')
                .slice(0, 16));
            repository = new RemoteRepository(session, root, log);
        }
        const shown = remote ? inputs.target : root;
        const live = (0,external_node_path_namespaceObject.join)(shown, inputs.releasever, inputs.channel);
        const unlock = repository ? await repository.lock() : async () => undefined;
        try {
            if (inputs.rollback) {
                const { from, to } = repository
                    ? await repository.rollback(inputs.releasever, inputs.channel)
                    : rollback(root, inputs.releasever, inputs.channel);
                setOutput('repo-path', live);
                summary.paragraph(`Rolled ${live} back from \`${from}\` to \`${to}\`.`);
                return;
            }
            if (!inputs.signingKey || !inputs.passphrase) {
                throw new ConfigurationError("Inputs 'signing-key' and 'passphrase' are required to publish or promote; expected the key and passphrase from secrets");
            }
            for (const secret of [
                inputs.passphrase,
                ...inputs.signingKey.split('\n').filter((line) => line.trim().length >= 8),
            ]) {
                ctx.setSecret(secret);
            }
            if (repository) {
                await repository.syncMirror(inputs.releasever, inputs.channel);
                if (inputs.promoteFrom)
                    await repository.syncMirror(inputs.releasever, inputs.promoteFrom);
            }
            const rpms = inputs.promoteFrom
                ? await channelFiles(root, inputs.releasever, inputs.promoteFrom, inputs.arches, inputs.name, inputs.packages)
                : collectRpms(inputs.rpms ?? [], workspace);
            if (!inputs.promoteFrom && rpms.length === 0) {
                throw new ConfigurationError("Input 'rpms' is required to publish; expected RPM files, folders, globs or a JSON list");
            }
            const home = createWorkDir(state, 'gnupg');
            state.save('gnupg-home', home);
            const gpg = await GpgHome.create(inputs.signingKey, inputs.passphrase, home);
            try {
                const previous = linkTarget(channelPaths(root, inputs.releasever, inputs.channel).live);
                const result = await publish({
                    target: root,
                    releasever: inputs.releasever,
                    channel: inputs.channel,
                    name: inputs.name,
                    baseUrl: inputs.baseUrl ?? (remote ? (0,external_node_url_namespaceObject.pathToFileURL)(remote.path).href : (0,external_node_url_namespaceObject.pathToFileURL)(root).href),
                    arches: inputs.arches,
                    rpms,
                    retention: inputs.retention,
                    gpg,
                    publicKey: await gpg.exportPublicKey(),
                    dryRun: inputs.dryRun,
                    log,
                });
                if (repository && !result.dryRun) {
                    await repository.publishState(inputs.releasever, inputs.channel, result.state, previous);
                }
                setOutput('added', result.added);
                setOutput('kept', result.kept);
                setOutput('pruned', result.pruned);
                setOutput('repomd-revision', result.revisions);
                setOutput('repo-path', live);
                setOutput('repo-file', result.repoFile);
                summary
                    .paragraph(`${result.dryRun ? 'Dry run: nothing switched. ' : ''}${inputs.promoteFrom ? `Promoted from \`${inputs.promoteFrom}\` to` : 'Published to'} \`${live}\`: ${result.added.length} added, ${result.kept.length} kept, ${result.pruned.length} pruned.`)
                    .table(['NEVRA', 'Change'], [
                    ...result.added.map((n) => [n, 'added']),
                    ...result.pruned.map((n) => [n, 'pruned']),
                    ...result.kept.map((n) => [n, 'kept']),
                ])
                    .details('.repo file', result.repoFile);
            }
            finally {
                await gpg.close();
            }
        }
        finally {
            await unlock();
        }
    },
    async post(ctx) {
        const { state } = ctx;
        // Stop any agent a killed main left in its GnuPG home before the folder goes.
        const home = state.get('gnupg-home');
        if (home) {
            for (const dir of [home, ...readdirSafe(home)])
                await GpgHome.stopAgents(dir);
        }
        await postCleanUp(ctx);
    },
});
function readdirSafe(dir) {
    try {
        return (0,external_node_fs_namespaceObject.readdirSync)(dir).map((name) => (0,external_node_path_namespaceObject.join)(dir, name));
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/upstream/compare.ts
/**
 * Which upstream source packages the published repository has not rebuilt yet. The published
 * repository is the state: a package counts as rebuilt when the repository holds a build of the
 * same version whose release sorts from the upstream one up to (not including) the next stock
 * update, which is exactly the range the rebuild's suffix or buildid puts it in.
 */


/** name, EVR of a source RPM file name (name-version-release.src.rpm). */
function parseSourceRpm(file) {
    const match = /^(.+)-([^-]+)-([^-]+)\.src\.rpm$/.exec(file);
    return match ? { name: match[1], version: match[2], release: match[3] } : undefined;
}
/** The source packages (name, EVR) the published repository holds, from its SRPMs or binaries' sourcerpm. */
function publishedSources(packages) {
    return packages.flatMap((pkg) => {
        if (pkg.arch === 'src')
            return [{ name: pkg.name, epoch: pkg.epoch, version: pkg.version, release: pkg.release ?? '' }];
        const source = pkg.sourceRpm ? parseSourceRpm(pkg.sourceRpm) : undefined;
        return source ? [{ ...source, epoch: pkg.epoch }] : [];
    });
}
function comparePackages(names, upstream, published, force) {
    const sources = publishedSources(published);
    return names.map((name) => {
        const candidates = upstream.filter((pkg) => pkg.name === name && pkg.arch === 'src');
        const newest = candidates.reduce((best, pkg) => (!best || compareEvr(pkg, best) > 0 ? pkg : best), undefined);
        if (!newest)
            return { name, upstream: null, published: null, changed: false };
        const next = { ...newest, release: nextStockRelease(newest.release ?? '') };
        const ours = sources.filter((s) => s.name === name).sort((a, b) => compareEvr(b, a));
        // A rebuild of the newest upstream, or something published past it (upstream went back):
        // either way, rebuilding upstream's would not reach hosts.
        const rebuild = ours.find((s) => compareEvr(s, newest) >= 0 && compareEvr(s, next) < 0) ??
            ours.find((s) => compareEvr(s, next) >= 0);
        return {
            name,
            upstream: `${name}-${formatEvr(newest)}`,
            url: newest.url,
            ...(newest.checksum?.type === 'sha256' ? { sha256: newest.checksum.value } : {}),
            published: rebuild ? `${name}-${formatEvr({ ...rebuild })}` : null,
            changed: force || !rebuild,
        };
    });
}

;// CONCATENATED MODULE: ./src/upstream/action.ts
/** check-upstream: has AlmaLinux published something the published repository has not rebuilt yet? */



const checkUpstream = defineAction({
    name: 'check-upstream',
    title: 'Check upstream',
    description: 'Compare the AlmaLinux repositories with the published repository and say what needs rebuilding.',
    inputs: {
        packages: list({
            description: 'Source package names to watch.',
            default: 'kernel, qemu-kvm, libvirt',
            item: /^[A-Za-z0-9._+-]+$/,
            itemAccepted: 'package names',
        }),
        'upstream-url': list({
            description: 'The upstream source repositories (folders holding repodata/); file:// works.',
            default: 'https://repo.almalinux.org/almalinux/9/BaseOS/Source, https://repo.almalinux.org/almalinux/9/AppStream/Source',
            item: /^(https?|file):\/\/\S+$/,
            itemAccepted: 'http(s):// or file:// URLs',
        }),
        'published-url': url({
            description: 'The published repository whose contents are the state (a folder holding repodata/).',
            required: true,
        }),
        force: inputs_boolean({
            description: 'Report `changed: true` whatever the repositories say.',
            default: 'false',
        }),
    },
    outputs: {
        changed: 'true when any watched package has an upstream version without a published rebuild (or force is set).',
        packages: 'JSON list, per package: name, upstream (newest NEVR), url, sha256, published (the rebuild of it, or null), changed.',
    },
    async main({ inputs, setOutput, summary, signal, annotate }) {
        const upstream = [];
        for (const url of inputs.upstreamUrl)
            upstream.push(...(await readRepository(url, { signal })));
        let published = [];
        try {
            published = await readRepository(inputs.publishedUrl, { signal });
        }
        catch (error) {
            if (!(error instanceof InfrastructureError))
                throw error;
            // A repository not published yet has rebuilt nothing.
            annotate('warning', `The published repository cannot be read (${error.message}); treating it as empty.`);
        }
        const statuses = comparePackages(inputs.packages, upstream, published, inputs.force);
        for (const status of statuses.filter((s) => s.upstream === null)) {
            annotate('warning', `${status.name} is not in the upstream repositories (${inputs.upstreamUrl.join(', ')})`);
        }
        setOutput('packages', statuses);
        setOutput('changed', statuses.some((s) => s.changed));
        summary.table(['Package', 'Upstream', 'Published rebuild', 'Changed'], statuses.map((s) => [
            s.name,
            s.upstream ?? '(not found)',
            s.published ?? '—',
            s.changed ? 'yes' : 'no',
        ]));
        if (inputs.force)
            summary.paragraph('`force` is set: every package counts as changed.');
    },
});

;// CONCATENATED MODULE: ./src/actions.ts





const ACTIONS = [
    checkUpstream,
    buildKernel,
    patchQemu,
    bootTestGuest,
    publishRepo,
];
function findAction(name) {
    return ACTIONS.find((action) => action.name === name);
}

;// CONCATENATED MODULE: ./src/host/cli.ts
/**
 * The command line as an ActionHost: inputs from `--input name=value`, outputs and a plain-text
 * summary on stdout, state in a JSON file (so a separate post run can clean up after a killed
 * main), and a cache in a local folder.
 */




/**
 * Tarballs in a folder, named by a hash of the key; restore keys match on the key's prefix.
 * Paths may be absolute or relative to the workspace; they are stored from / so that they
 * restore to the same place.
 */
function folderCache(dir, workspace) {
    const file = (key) => (0,external_node_path_namespaceObject.join)(dir, `${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(key).digest('hex').slice(0, 32)}.tar`);
    const index = (0,external_node_path_namespaceObject.join)(dir, 'keys.json');
    const readIndex = () => (0,external_node_fs_namespaceObject.existsSync)(index) ? JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(index, 'utf8')) : {};
    return {
        async restore(_paths, key, restoreKeys = []) {
            const keys = readIndex();
            let hit = keys[key] && (0,external_node_fs_namespaceObject.existsSync)(file(key)) ? key : undefined;
            for (const prefix of restoreKeys) {
                if (hit)
                    break;
                hit = Object.keys(keys)
                    .filter((k) => k.startsWith(prefix) && (0,external_node_fs_namespaceObject.existsSync)(file(k)))
                    .sort((a, b) => (0,external_node_fs_namespaceObject.statSync)(file(b)).mtimeMs - (0,external_node_fs_namespaceObject.statSync)(file(a)).mtimeMs)[0];
            }
            if (!hit)
                return undefined;
            await exec(['tar', '-xf', file(hit), '-C', '/']);
            return hit;
        },
        async save(paths, key) {
            (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
            const target = file(key);
            const fromRoot = paths.map((path) => (0,external_node_path_namespaceObject.relative)('/', (0,external_node_path_namespaceObject.resolve)(workspace, path)));
            await exec(['tar', '-cf', `${target}.partial`, '-C', '/', '--', ...fromRoot]);
            (0,external_node_fs_namespaceObject.renameSync)(`${target}.partial`, target);
            (0,external_node_fs_namespaceObject.writeFileSync)(index, JSON.stringify({ ...readIndex(), [key]: paths.join('\n') }, null, 2));
        },
    };
}
function cliHost(options) {
    const out = options.out ?? ((text) => process.stdout.write(text));
    const err = options.err ?? ((text) => process.stderr.write(text));
    const secrets = [];
    const mask = (text) => secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
    const readState = () => (0,external_node_fs_namespaceObject.existsSync)(options.stateFile)
        ? JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(options.stateFile, 'utf8'))
        : {};
    const outputs = {};
    let depth = 0;
    const indent = () => '  '.repeat(depth);
    return {
        kind: 'cli',
        workspace: options.workspace,
        runInfo: {},
        cache: folderCache(options.cacheDir, options.workspace),
        outputs,
        getInput: (name) => options.inputs[name] ?? '',
        setOutput: (name, value) => {
            outputs[name] = value;
        },
        setSecret: (value) => {
            if (value)
                secrets.push(value);
        },
        info: (message) => out(mask(`${indent()}${message}\n`)),
        warning: (message) => err(mask(`${indent()}warning: ${message}\n`)),
        debug: (message) => {
            if (process.env.RUNNER_DEBUG === '1')
                err(mask(`${indent()}debug: ${message}\n`));
        },
        async group(title, fn) {
            out(mask(`${indent()}▸ ${title}\n`));
            depth++;
            try {
                return await fn();
            }
            finally {
                depth--;
            }
        },
        annotate: (kind, message, properties) => {
            const where = properties?.file
                ? ` (${properties.file}${properties.startLine ? `:${properties.startLine}` : ''})`
                : '';
            err(mask(`${kind}: ${properties?.title ? properties.title + ': ' : ''}${message}${where}\n`));
        },
        async writeSummary(summary) {
            out(mask(`\n${summary.toText()}\n`));
        },
        saveState: (name, value) => {
            (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.join)(options.stateFile, '..'), { recursive: true });
            (0,external_node_fs_namespaceObject.writeFileSync)(options.stateFile, JSON.stringify({ ...readState(), [name]: value }, null, 2));
        },
        getState: (name) => readState()[name] ?? '',
        fail: (headline) => err(mask(`${headline}\n`)),
    };
}

;// CONCATENATED MODULE: ./src/cli/autopatch.ts
/**
 * `kvm-actions autopatch`: applies an AlmaLinux autopatch config to a dist-git tree, as the
 * build actions do, so a recipe can be tried on a checkout before a workflow runs it.
 */




const AUTOPATCH_USAGE = 'Usage: kvm-actions autopatch --config FILE --package DIR [--files DIR] [--scripts DIR] [--define "NAME VALUE"]...\n' +
    '  Applies the config to the dist-git tree in DIR (SPECS/ + SOURCES/, or flat). files/ and scripts/\n' +
    '  default to the folders beside the config. Changelog dates follow SOURCE_DATE_EPOCH when it is set.\n';
async function runAutopatch(args, io) {
    const options = {};
    const defines = {};
    try {
        for (let i = 0; i < args.length; i++) {
            const flag = args[i];
            if (flag === '--help' || flag === '-h') {
                io.out(AUTOPATCH_USAGE);
                return 0;
            }
            const value = args[++i];
            if (!['--config', '--package', '--files', '--scripts', '--define'].includes(flag)) {
                throw new ConfigurationError(`Unknown option ${JSON.stringify(flag)}; see kvm-actions autopatch --help.`);
            }
            if (value === undefined)
                throw new ConfigurationError(`Option ${flag} needs a value.`);
            if (flag === '--define') {
                const [name, ...rest] = value.split(' ');
                if (!name || rest.length === 0)
                    throw new ConfigurationError(`Option --define has value ${JSON.stringify(value)}; expected "NAME VALUE".`);
                defines[name] = rest.join(' ');
            }
            else
                options[flag.slice(2)] = (0,external_node_path_namespaceObject.resolve)(io.cwd, value);
        }
        for (const required of ['config', 'package']) {
            if (!options[required])
                throw new ConfigurationError(`Option --${required} is required; see kvm-actions autopatch --help.`);
        }
        const recipe = loadRecipe(options.config);
        const log = {
            info: (message) => io.out(`${message}\n`),
            warning: (message) => io.err(`warning: ${message}\n`),
            debug: () => undefined,
            group: (_, fn) => fn(),
        };
        const edits = await applyRecipe(recipe, {
            packageDir: options.package,
            filesDir: options.files ?? (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(options.config), 'files'),
            scriptsDir: options.scripts ?? (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(options.config), 'scripts'),
            date: recipeDate(),
            defines,
            log,
        });
        io.out(`Applied ${edits.length} action(s) to ${options.package}\n`);
        return 0;
    }
    catch (error) {
        io.err(`${failureHeadline(error)}\n`);
        return 1;
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * kvm-actions: the suite's actions outside GitHub Actions, through exactly the same entry code.
 *
 *   kvm-actions <action> [--input name=value]... [--phase main|post|all] [--workspace DIR]
 *
 * Outputs are printed as name=value lines after a plain-text summary; the exit code is the
 * action's. The post phase runs after main, as on the runner with post-if: always().
 */







const defaultIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
};
const PHASES = ['main', 'post', 'all'];
function usage() {
    return [
        'Usage: kvm-actions <action> [--input name=value]... [--phase main|post|all] [--workspace DIR] [--state-file FILE]',
        '       kvm-actions autopatch --config FILE --package DIR [--files DIR] [--scripts DIR]',
        '       kvm-actions list',
        '',
        'Actions:',
        ...ACTIONS.map((action) => `  ${action.name.padEnd(16)} ${action.description}`),
        '',
        "Run 'kvm-actions <action> --help' for an action's inputs and outputs.",
        '',
    ].join('\n');
}
function actionHelp(name) {
    const action = findAction(name);
    const lines = [`${action.name}: ${action.description}`, '', 'Inputs (--input name=value):'];
    for (const [input, def] of Object.entries(action.inputs)) {
        const flag = def.required ? ' (required)' : def.default !== undefined ? ` (default: ${def.default})` : '';
        lines.push(`  ${input}${flag}`, `      ${def.description}`, `      Accepted: ${def.accepted}`);
    }
    lines.push('', 'Outputs:', ...Object.entries(action.outputs).map(([output, text]) => `  ${output}: ${text}`), '');
    return lines.join('\n');
}
function parseArgs(args) {
    const [action = '', ...rest] = args;
    const parsed = { action, inputs: {}, phase: 'all', help: false };
    for (let i = 0; i < rest.length; i++) {
        const flag = rest[i];
        const value = () => {
            const next = rest[++i];
            if (next === undefined)
                throw new ConfigurationError(`Option ${flag} needs a value.`);
            return next;
        };
        if (flag === '--help' || flag === '-h')
            parsed.help = true;
        else if (flag === '--input' || flag === '-i') {
            const pair = value();
            const eq = pair.indexOf('=');
            if (eq <= 0)
                throw new ConfigurationError(`Option --input has value ${JSON.stringify(pair)}; expected name=value.`);
            parsed.inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
        else if (flag === '--phase') {
            const phase = value();
            if (!PHASES.includes(phase)) {
                throw new ConfigurationError(`Option --phase has value ${JSON.stringify(phase)}; expected one of ${PHASES.join(', ')}.`);
            }
            parsed.phase = phase;
        }
        else if (flag === '--workspace')
            parsed.workspace = value();
        else if (flag === '--state-file')
            parsed.stateFile = value();
        else
            throw new ConfigurationError(`Unknown option ${JSON.stringify(flag)}; see kvm-actions --help.`);
    }
    return parsed;
}
async function runCli(args, io = defaultIo) {
    if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
        io.out(usage());
        return args.length === 0 ? 1 : 0;
    }
    if (args[0] === 'autopatch')
        return runAutopatch(args.slice(1), io);
    if (args[0] === 'list') {
        io.out(ACTIONS.map((action) => action.name).join('\n') + '\n');
        return 0;
    }
    let parsed;
    try {
        parsed = parseArgs(args);
        const action = findAction(parsed.action);
        if (!action) {
            throw new ConfigurationError(`Unknown action ${JSON.stringify(parsed.action)}; expected one of ${ACTIONS.map((a) => a.name).join(', ')}.`);
        }
        const unknown = Object.keys(parsed.inputs).filter((name) => !(name in action.inputs));
        if (unknown.length > 0) {
            throw new ConfigurationError(`Input '${unknown[0]}' is not an input of ${action.name}; expected one of ${Object.keys(action.inputs).join(', ')}.`);
        }
    }
    catch (error) {
        io.err(`${error.headline}\n`);
        return 1;
    }
    if (parsed.help) {
        io.out(actionHelp(parsed.action));
        return 0;
    }
    const action = findAction(parsed.action);
    const workspace = (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.workspace ?? '.');
    const host = cliHost({
        inputs: parsed.inputs,
        workspace,
        stateFile: (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.stateFile ?? (0,external_node_path_namespaceObject.join)(workspace, '.kvm-actions', `${action.name}.state.json`)),
        cacheDir: defaultCacheDir(),
        out: io.out,
        err: io.err,
    });
    let code = 0;
    if (parsed.phase !== 'post')
        code = await runAction(action, host, 'main');
    if (parsed.phase !== 'main' && action.post)
        code = Math.max(code, await runAction(action, host, 'post'));
    const outputs = Object.entries(host.outputs);
    if (outputs.length > 0)
        io.out(`Outputs:\n${outputs.map(([name, value]) => `${name}=${value}`).join('\n')}\n`);
    return code;
}


/***/ }),

/***/ 3546:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9776);

process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
__webpack_unused_export__ = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
__webpack_unused_export__ = identity.isScalar;
__webpack_unused_export__ = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3546);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
