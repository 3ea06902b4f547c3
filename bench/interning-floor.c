// The explorer's interning in C: the floor for any implementation of the same search on this
// machine. The same table as check/explore/packed/store.ts (open addressing, slots of
// (id + 1, words...) inline, home slot from the hash's top bits, doubling at half full, the same
// hash), fed the same successor sequence. bench/interning.ts writes the sequence, compiles this
// with gcc -O2 and runs it.
// Usage: interning-floor FILE WIDTH  (FILE: int32 words, WIDTH per successor, in BFS order)
// Prints: "<distinct> <transitions> <ns per transition>" for the fastest of three rounds.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint32_t hash_words(const int32_t *w, int width) {
  uint32_t h = 0x2545f491u;
  for (int i = 0; i < width; i += 1) h = (h ^ (uint32_t)w[i]) * 0x9e3779b1u + 0x7f4a7c15u;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  return h ^ (h >> 16);
}

typedef struct {
  int width, slot_width, shift;
  uint32_t mask;
  int32_t *table, *data;
  size_t count, data_cap;
} store_t;

static void store_init(store_t *s, int width) {
  size_t capacity = 1 << 12;
  s->width = width;
  s->slot_width = width + 1;
  s->mask = (uint32_t)(capacity * 2 - 1);
  s->shift = 32 - 13;
  s->table = calloc(capacity * 2 * s->slot_width, sizeof(int32_t));
  s->data_cap = capacity * width;
  s->data = malloc(s->data_cap * sizeof(int32_t));
  s->count = 0;
}

static void store_grow(store_t *s) {
  size_t old_slots = (size_t)s->mask + 1, slots = old_slots * 2;
  int32_t *old = s->table, *table = calloc(slots * s->slot_width, sizeof(int32_t));
  uint32_t mask = (uint32_t)(slots - 1);
  int shift = s->shift - 1;
  for (size_t from = 0; from < old_slots; from += 1) {
    const int32_t *entry = old + from * s->slot_width;
    if (entry[0] == 0) continue;
    uint32_t slot = hash_words(entry + 1, s->width) >> shift;
    while (table[(size_t)slot * s->slot_width] != 0) slot = (slot + 1) & mask;
    memcpy(table + (size_t)slot * s->slot_width, entry, s->slot_width * sizeof(int32_t));
  }
  free(old);
  s->table = table;
  s->mask = mask;
  s->shift = shift;
}

static int32_t store_intern(store_t *s, const int32_t *w) {
  uint32_t slot = hash_words(w, s->width) >> s->shift;
  for (;;) {
    int32_t *entry = s->table + (size_t)slot * s->slot_width;
    if (entry[0] == 0) break;
    if (memcmp(entry + 1, w, s->width * sizeof(int32_t)) == 0) return entry[0] - 1;
    slot = (slot + 1) & s->mask;
  }
  int32_t id = (int32_t)s->count;
  if ((s->count + 1) * s->width > s->data_cap) {
    s->data_cap *= 2;
    s->data = realloc(s->data, s->data_cap * sizeof(int32_t));
  }
  int32_t *entry = s->table + (size_t)slot * s->slot_width;
  entry[0] = id + 1;
  memcpy(entry + 1, w, s->width * sizeof(int32_t));
  memcpy(s->data + s->count * s->width, w, s->width * sizeof(int32_t));
  s->count += 1;
  if (s->count * 2 > (size_t)s->mask + 1) store_grow(s);
  return id;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s FILE WIDTH\n", argv[0]);
    return 2;
  }
  int width = atoi(argv[2]);
  FILE *f = fopen(argv[1], "rb");
  if (f == NULL || width < 1) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  fseek(f, 0, SEEK_END);
  size_t bytes = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  int32_t *words = malloc(bytes);
  if (fread(words, 1, bytes, f) != bytes) return 2;
  fclose(f);
  size_t transitions = bytes / sizeof(int32_t) / width;
  double best = 1e30;
  size_t distinct = 0;
  int64_t sink = 0;
  for (int round = 0; round < 3; round += 1) {
    store_t s;
    store_init(&s, width);
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (size_t t = 0; t < transitions; t += 1) sink += store_intern(&s, words + t * width);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double ns = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / (double)transitions;
    if (ns < best) best = ns;
    distinct = s.count;
    free(s.table);
    free(s.data);
  }
  printf("%zu %zu %.1f %lld\n", distinct, transitions, best, (long long)(sink & 1));
  return 0;
}
