// sharp (libvips) is loaded with the first image it works on, not at start: it adds some 30 MiB to
// a process that may never see one (a worker, an idle embedded install). Photos and sticker logos
// share the one load.
import type SharpModule from 'sharp';

export type Sharp = typeof SharpModule;

let loadingSharp: Promise<Sharp> | undefined;

export function loadSharp(): Promise<Sharp> {
  loadingSharp ??= import('sharp').then(({ default: sharp }) => {
    // libvips' operation cache would keep decoded uploads (and handles on their temporary files)
    // after they are processed; every upload is new, so there is nothing worth caching.
    sharp.cache(false);
    return sharp;
  });
  return loadingSharp;
}
