/**
 * Runs sandboxed (bundled as CommonJS; it may `require('electron')` and nothing else), so it
 * imports only types from the contract. It exposes one function and no Electron object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { SoloCrmBridge, SoloCrmBridgeKey } from './contract/bridge';

const bridge: SoloCrmBridge = {
  invoke(channel, input) {
    // The main process checks the channel and validates the input; this only keeps the call shape.
    if (typeof channel !== 'string') return Promise.reject(new TypeError('channel must be a string'));
    return ipcRenderer.invoke(channel, input);
  },
};

const key: SoloCrmBridgeKey = 'soloCrm';
contextBridge.exposeInMainWorld(key, bridge);
