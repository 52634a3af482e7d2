// The admin's upload of an asset file: the file streams to a temporary file (never whole into
// memory, at most MAX_UPLOAD_BYTES), the run is started (409 while another runs for the
// municipality), and the import goes on in the background of the web process while the admin page
// polls its progress. The temporary file is removed when the run ends, however it ends.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Database } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Language } from '../../../shared/language.ts';
import { withoutControlCharacters } from '../../../shared/text.ts';
import type { MunicipalityLocator } from '../../geo/municipality-locator.ts';
import { assetImportMessages } from './asset-import-messages.ts';
import { ASSET_EPSG, isSupportedEpsg } from './coordinates.ts';
import { MAX_UPLOAD_BYTES } from './http-schemas.ts';
import { runAssetImport } from './import-assets.ts';
import { loadAssetTypes, startAssetImport } from './start-asset-import.ts';

export interface UploadContext {
  db: Database;
  locator: MunicipalityLocator;
  log: FastifyBaseLogger;
  /** Runs still going, so closing the app can stop them and wait. */
  running: Set<Promise<unknown>>;
  signal: AbortSignal;
}

const tooLarge = () =>
  new AppError(413, 'asset_file_too_large', assetImportMessages.fileTooLarge(MAX_UPLOAD_BYTES / 1024 / 1024));

/** Streams the form's one file to a temporary directory; the caller removes the directory. */
async function receiveFile(
  request: FastifyRequest,
  dir: string,
): Promise<{ file: string; name: string; bytes: number }> {
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
  } catch (error) {
    throw translate(error);
  }
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError(400, 'asset_file_missing', assetImportMessages.fileMissing());
  }
  const file = path.join(dir, 'upload');
  try {
    await pipeline(part.file, createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    throw translate(error);
  }
  if (part.file.truncated) throw tooLarge();
  const { size } = await stat(file);
  if (size === 0) throw new AppError(400, 'asset_file_empty', assetImportMessages.fileEmpty());
  return { file, name: fileNameOf(part.filename), bytes: size };
}

/**
 * The uploaded file's name as the browser sent it, shown in the list of imports and kept in the
 * audit log: busboy decodes `filename*=utf-8''a%00b.csv` to a NUL, which PostgreSQL cannot store,
 * so control characters become spaces (and a very long name is cut).
 */
function fileNameOf(sent: string | undefined): string {
  const name = withoutControlCharacters(sent ?? '', false)
    .trim()
    .slice(0, 255);
  return name === '' ? 'upload' : name;
}

function translate(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return new AppError(400, 'asset_file_missing', assetImportMessages.fileMissing());
  // A failing disk is ours (5xx); anything else while reading the form (a body cut short, a
  // broken boundary) is the request's.
  if ((error as { syscall?: unknown }).syscall !== undefined) return error;
  return new AppError(400, 'asset_file_unreadable', assetImportMessages.uploadUnreadable());
}

export async function uploadAssetImport(
  ctx: UploadContext,
  request: FastifyRequest,
  input: {
    kommunenummer: string;
    actorId: string;
    language: Language;
    epsg?: number | undefined;
    type?: string | undefined;
  },
): Promise<string> {
  if (!request.isMultipart())
    throw new AppError(400, 'asset_file_missing', assetImportMessages.fileMissing());
  if (input.epsg !== undefined && !isSupportedEpsg(input.epsg))
    throw new AppError(
      400,
      'asset_import_epsg',
      assetImportMessages.unknownEpsg(String(input.epsg), ASSET_EPSG.join(', ')),
    );
  if (input.type !== undefined) {
    const { byKey, codes } = await loadAssetTypes(ctx.db, input.kommunenummer);
    if (!byKey.has(input.type.toLowerCase()))
      throw new AppError(
        400,
        'asset_import_type',
        assetImportMessages.unknownType(input.type, codes.join(', ')),
      );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-assets-'));
  let importId: string;
  try {
    const received = await receiveFile(request, dir);
    importId = await startAssetImport(ctx.db, {
      kommunenummer: input.kommunenummer,
      startedBy: input.actorId,
      fileName: received.name,
      bytesTotal: received.bytes,
    });
    const run = runAssetImport(ctx.db, ctx.locator, {
      importId,
      kommunenummer: input.kommunenummer,
      file: received.file,
      epsg: input.epsg,
      typeCode: input.type,
      language: input.language,
      actorId: input.actorId,
      signal: ctx.signal,
    })
      .catch((error: unknown) => ctx.log.error({ err: error, importId }, 'asset import failed'))
      .finally(() => rm(dir, { recursive: true, force: true }));
    ctx.running.add(run);
    void run.finally(() => ctx.running.delete(run));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return importId;
}
