// A stand-in for the `electron` module, whose binary cannot be downloaded here: loaded with
// `node -r` before the bundled shell (dist/main/main.cjs), it answers require('electron') with
// app, ipcMain, safeStorage and BrowserWindow objects that record what they are asked (sent to the
// test over the child's IPC channel). Everything else the bundle loads is real.
// The test drives the registered IPC handler with {type:'invoke', sender:'window'|'stranger', method, input}.
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const record = (entry) => process.send?.({ type: 'record', ...entry });
const handlers = new Map();
const windows = [];
let nextContentsId = 1;

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextContentsId++;
    this.session = {
      setPermissionRequestHandler: () => record({ call: 'session.setPermissionRequestHandler' }),
      setPermissionCheckHandler: () => record({ call: 'session.setPermissionCheckHandler' }),
    };
  }
  setWindowOpenHandler() {
    record({ call: 'webContents.setWindowOpenHandler' });
  }
  send(channel) {
    record({ call: 'webContents.send', channel });
  }
  isDestroyed() {
    return false;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.webContents = new WebContents();
    this.url = undefined;
    windows.push(this);
    record({ call: 'new BrowserWindow', webPreferences: options.webPreferences });
  }
  async loadURL(url) {
    this.url = url;
    record({ call: 'loadURL', url });
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    record({ call: 'show' });
  }
}

const app = Object.assign(new EventEmitter(), {
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  getPath: (name) => {
    record({ call: 'app.getPath', name });
    return process.env.STANDIN_USER_DATA;
  },
  quit: () => record({ call: 'app.quit' }),
  exit: (code) => {
    record({ call: 'app.exit', code });
    process.exit(code);
  },
});

const ipcMain = {
  handle(channel, handler) {
    handlers.set(channel, handler);
    record({ call: 'ipcMain.handle', channel });
  },
  removeHandler: (channel) => handlers.delete(channel),
};

// A keychain that really wraps: the key is XORed with a pad, so store.key never holds the key itself.
const pad = Buffer.from('switchyard-stand-in-keychain-pad');
const xor = (bytes) => Buffer.from(bytes.map((b, i) => b ^ pad[i % pad.length]));
const safeStorage = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (text) => {
    record({ call: 'safeStorage.encryptStringAsync' });
    return xor(Buffer.from(text, 'utf8'));
  },
  decryptStringAsync: async (bytes) => {
    record({ call: 'safeStorage.decryptStringAsync' });
    return { result: xor(bytes).toString('utf8'), shouldReEncrypt: false };
  },
};

process.on('message', async (message) => {
  if (message.type !== 'invoke') return;
  const window = windows[0];
  const handler = handlers.get(message.channel);
  const event =
    message.sender === 'window'
      ? { sender: window.webContents, senderFrame: { parent: null, url: window.url } }
      : { sender: new WebContents(), senderFrame: { parent: null, url: 'https://example.invalid/' } };
  const result = await handler(event, message.method, message.input);
  process.send({ type: 'result', id: message.id, result });
});

module.exports = { app, ipcMain, safeStorage, BrowserWindow };

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolve.call(this, request, ...rest);
};
