// Entry point of a parse worker thread (see parse-pool.ts).
import { parentPort } from 'node:worker_threads';
import { serveParseRequests } from './parse-pool.js';

if (parentPort) serveParseRequests(parentPort);
