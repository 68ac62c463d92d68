import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL_NAME, contract } from '../shared/ipc/contract.ts';
import { buildRendererApi } from './bridge.ts';

contextBridge.exposeInMainWorld(API_GLOBAL_NAME, buildRendererApi(contract, ipcRenderer));
