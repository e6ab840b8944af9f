/**
 * Uploads of one checklist: each chosen file gets a row with a progress bar; a failed one can be sent again
 * (the server answers the first document when the same bytes arrive twice, so a retry never stores a copy).
 */
import { reactive } from 'vue';
import { isApiError, type UploadHandle } from '../api';
import type { MessageKey } from '../messages';

export type UploadState = 'uploading' | 'done' | 'failed';

export interface UploadItem {
  key: number;
  file: File;
  type: string;
  memberId: string | null;
  state: UploadState;
  /** 0 to 1 */
  progress: number;
  /** Why it failed, in plain words. */
  error: MessageKey | null;
  /** The server's words, when it said more than the status. */
  detail: string | null;
}

export type Sender = (item: UploadItem, onProgress: (fraction: number) => void) => UploadHandle<unknown>;

/** Plain words for a failed upload. */
export function uploadErrorKey(error: unknown): MessageKey {
  if (!isApiError(error)) return 'upload.error.server';
  switch (error.status) {
    case 0:
      return 'upload.error.network';
    case 413:
      return 'upload.error.tooLarge';
    case 415:
    case 422:
      return 'upload.error.type';
    case 409:
      return 'upload.error.conflict';
    case 401:
      return 'upload.error.login';
    default:
      return 'upload.error.server';
  }
}

/** 20 MB, the server's limit; checked first so nobody waits for a refusal. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function createUploads(send: Sender, onDone: () => void = () => {}) {
  const items = reactive<UploadItem[]>([]);
  let nextKey = 1;

  function run(item: UploadItem): Promise<void> {
    const row = items.find((i) => i.key === item.key) ?? item;
    row.state = 'uploading';
    row.progress = 0;
    row.error = null;
    row.detail = null;
    if (row.file.size > MAX_UPLOAD_BYTES) {
      row.state = 'failed';
      row.error = 'upload.error.tooLarge';
      return Promise.resolve();
    }
    return send(row, (fraction) => (row.progress = fraction)).promise.then(
      () => {
        row.state = 'done';
        row.progress = 1;
        onDone();
      },
      (error: unknown) => {
        row.state = 'failed';
        row.error = uploadErrorKey(error);
        row.detail = isApiError(error) && error.status !== 0 ? (error.problem.detail ?? null) : null;
      },
    );
  }

  /** Starts one upload per file; resolves when all of them have finished (or failed). */
  function add(files: Iterable<File>, type: string, memberId: string | null): Promise<void> {
    const started: Promise<void>[] = [];
    for (const file of files) {
      items.push({ key: nextKey++, file, type, memberId, state: 'uploading', progress: 0, error: null, detail: null });
      started.push(run(items[items.length - 1]!));
    }
    return Promise.all(started).then(() => undefined);
  }

  function retry(key: number): Promise<void> {
    const item = items.find((i) => i.key === key);
    return item && item.state === 'failed' ? run(item) : Promise.resolve();
  }

  function dismiss(key: number): void {
    const index = items.findIndex((i) => i.key === key);
    if (index >= 0) items.splice(index, 1);
  }

  return { items, add, retry, dismiss, forType: (type: string) => items.filter((i) => i.type === type) };
}

export type Uploads = ReturnType<typeof createUploads>;
