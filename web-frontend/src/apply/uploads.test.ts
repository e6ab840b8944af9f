import { describe, expect, it, vi } from 'vitest';
import { ApiError, type UploadHandle } from '../api';
import { MAX_UPLOAD_BYTES, createUploads, uploadErrorKey } from './uploads';

function file(name: string, size = 10): File {
  return new File([new Uint8Array(size)], name, { type: 'image/png' });
}

function problem(status: number, detail?: string): ApiError {
  return new ApiError({ type: 'about:blank', title: 't', status, ...(detail ? { detail } : {}) });
}

describe('uploads', () => {
  it('reports progress, then done, and reloads the checklist', async () => {
    const progress: number[] = [];
    const onDone = vi.fn();
    const uploads = createUploads((_item, onProgress) => {
      onProgress(0.5);
      progress.push(uploads.items[0]!.progress);
      return { promise: Promise.resolve({}), abort: () => {} };
    }, onDone);
    await uploads.add([file('a.png')], 'ID_CARD', 'm1');
    expect(progress).toEqual([0.5]);
    expect(uploads.items[0]).toMatchObject({ state: 'done', progress: 1, type: 'ID_CARD', memberId: 'm1' });
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('keeps a failed upload with its reason and sends it again on retry', async () => {
    let attempt = 0;
    const send = vi.fn((): UploadHandle<unknown> => {
      attempt += 1;
      return { promise: attempt === 1 ? Promise.reject(problem(0)) : Promise.resolve({}), abort: () => {} };
    });
    const uploads = createUploads(send);
    await uploads.add([file('a.png'), file('b.png')], 'INCOME_PROOF', null);
    expect(uploads.items.map((i) => i.state)).toEqual(['failed', 'done']);
    expect(uploads.items[0]!.error).toBe('upload.error.network');
    await uploads.retry(uploads.items[0]!.key);
    expect(uploads.items[0]!.state).toBe('done');
    expect(send).toHaveBeenCalledTimes(3);
    expect(uploads.forType('INCOME_PROOF')).toHaveLength(2);
    uploads.dismiss(uploads.items[0]!.key);
    expect(uploads.items).toHaveLength(1);
  });

  it('refuses a file over 20 MB without sending it', async () => {
    const send = vi.fn();
    const uploads = createUploads(send);
    await uploads.add([file('big.pdf', MAX_UPLOAD_BYTES + 1)], 'MEDICAL_BILLS', null);
    expect(send).not.toHaveBeenCalled();
    expect(uploads.items[0]).toMatchObject({ state: 'failed', error: 'upload.error.tooLarge' });
  });

  it('keeps the server detail of a refusal', async () => {
    const uploads = createUploads(() => ({ promise: Promise.reject(problem(422, 'not a picture')), abort: () => {} }));
    await uploads.add([file('x.png')], 'OTHER', null);
    expect(uploads.items[0]).toMatchObject({ error: 'upload.error.type', detail: 'not a picture' });
  });

  it('says in plain words why an upload failed', () => {
    expect(uploadErrorKey(problem(413))).toBe('upload.error.tooLarge');
    expect(uploadErrorKey(problem(409))).toBe('upload.error.conflict');
    expect(uploadErrorKey(problem(401))).toBe('upload.error.login');
    expect(uploadErrorKey(problem(500))).toBe('upload.error.server');
    expect(uploadErrorKey(new Error('x'))).toBe('upload.error.server');
  });
});
