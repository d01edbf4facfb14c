import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Reads a small text file the tool looks at by name (`.gitignore`, the configuration file)
 * only when it is a regular file. A FIFO or a device in that place would otherwise block the
 * run for ever: it is opened without blocking, checked on the open handle, and refused with
 * the code `ENOTREG`.
 */
export async function readRegularFile(file: string): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
