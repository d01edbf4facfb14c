// Entry point of the file-reading worker thread (see read-files.ts).
import { parentPort } from 'node:worker_threads';
import { serveReadRequests } from './read-files.js';

if (parentPort) serveReadRequests(parentPort);
