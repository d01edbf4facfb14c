#!/usr/bin/env node
import { main } from '../dist/action/pr-comment.js';

await main();
