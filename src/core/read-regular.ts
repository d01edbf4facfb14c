import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function notRegular(file: string): Error {
  return Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
}

/**
 * Reads a small text file the tool looks at by name (`.gitignore`, the configuration file)
 * only when it is a regular file. A FIFO or a device in that place would otherwise block the
 * run for ever: it is opened without blocking, checked on the open handle, and refused with
 * the code `ENOTREG`.
 */
export async function readRegularFile(file: string): Promise<string> {
  const handle = await open(file, OPEN_FLAGS);
  try {
    if (!(await handle.stat()).isFile()) throw notRegular(file);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** `readRegularFile` with blocking calls, for a walk that reads many small files in the page cache. */
export function readRegularFileSync(file: string): string {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    if (!fstatSync(fd).isFile()) throw notRegular(file);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
