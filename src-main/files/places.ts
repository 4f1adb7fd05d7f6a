import path from 'node:path';

/**
 * Where the browser edition's transfers wait in the data folder: the worker writes copies for
 * download into `exports/` and takes uploads from `incoming/`; the HTTP server only moves bytes.
 */
export const exportsFolder = (dataFolder: string) => path.join(dataFolder, 'exports');
export const incomingFolder = (dataFolder: string) => path.join(dataFolder, 'incoming');

/** A download's name in the exports folder: random (32 hex digits), so no other request can guess it. */
export const DOWNLOAD_NAME = /^[a-f0-9]{32}\.db$/;
/** An upload's name in the incoming folder, as the server gives it. */
export const UPLOAD_NAME = /^[a-f0-9]{32}\.upload$/;
