/** Fixed key material of the benchmark (never a real secret): the runner derives pseudonyms from it. */
export const BENCH_SECRET = Buffer.alloc(32, 0x42);
export const BENCH_POLICY = 'demo-research';
export const BENCH_MAX_DATE_SHIFT_DAYS = 365;
