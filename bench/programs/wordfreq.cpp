/*
 * wordfreq.cpp -- word and bigram statistics over generated text, written
 * the everyday C++ way: std::vector and std::string temporaries.
 *
 * Each line is split into a fresh std::vector<std::string>, every token is
 * normalised into a new lower-case std::string, bigram keys are built by
 * concatenation, per-line statistics live in a std::make_unique'd struct,
 * and counts go into std::unordered_maps that outlive the loop. At the end
 * the words are ranked through a vector of pairs. Self-check: each word's
 * count equals what the generator emitted, and the token and bigram totals
 * add up. Checksum: the top words and the counts.
 */
#include "bench.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

struct LineStats {
    long tokens = 0;
    long letters = 0;
    long capitalised = 0;
    std::string longest;
};

// Builds the vocabulary: short words (inside std::string's small buffer)
// and some long ones (on the heap).
std::vector<std::string> make_vocabulary()
{
    static const char *const syllables[] = {"ka", "lo", "mi", "ten", "sor", "va",
                                            "rin", "de", "pu", "zet", "ion", "al"};
    std::vector<std::string> vocab;
    bench_rng rng{77};
    while (vocab.size() < 300) {
        std::string w;
        unsigned n = 1 + bench_below(&rng, vocab.size() % 5 == 0 ? 9 : 4);
        for (unsigned i = 0; i < n; i++)
            w += syllables[bench_below(&rng, 12)];
        if (std::find(vocab.begin(), vocab.end(), w) == vocab.end())
            vocab.push_back(w);
    }
    return vocab;
}

// Writes a line of 'words' random vocabulary entries with random
// capitalisation and punctuation; counts each entry emitted in 'emitted'.
std::string make_line(bench_rng &rng, const std::vector<std::string> &vocab,
                      std::vector<long> &emitted)
{
    std::string line;
    unsigned words = 4 + bench_below(&rng, 12);
    for (unsigned i = 0; i < words; i++) {
        unsigned k = bench_below(&rng, 16) == 0 ? bench_below(&rng, 300) : bench_below(&rng, 40);
        std::string w = vocab[k];
        if (bench_below(&rng, 5) == 0)
            w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        emitted[k]++;
        if (!line.empty())
            line += bench_below(&rng, 7) == 0 ? "  " : " ";
        line += w;
        if (bench_below(&rng, 6) == 0)
            line += ",;.!?"[bench_below(&rng, 5)];
    }
    return line;
}

std::vector<std::string> split(const std::string &line)
{
    std::vector<std::string> out;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            i++;
        size_t j = i;
        while (j < line.size() && line[j] != ' ')
            j++;
        if (j > i)
            out.push_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

// Returns 'token' lower-cased with punctuation removed.
std::string normalise(const std::string &token)
{
    std::string w;
    for (char c : token)
        if (std::isalpha(static_cast<unsigned char>(c)))
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
}

struct Counts {
    std::unordered_map<std::string, long> words;
    std::unordered_map<std::string, long> bigrams;
    long tokens = 0, letters = 0, capitalised = 0, lines = 0;
};

void count_line(const std::string &line, Counts &counts)
{
    auto stats = std::make_unique<LineStats>();
    std::vector<std::string> tokens = split(line);
    std::string prev;
    for (const std::string &t : tokens) {
        std::string w = normalise(t);
        if (std::isupper(static_cast<unsigned char>(t[0])))
            stats->capitalised++;
        stats->tokens++;
        stats->letters += static_cast<long>(w.size());
        if (w.size() > stats->longest.size())
            stats->longest = w;
        counts.words[w]++;
        if (!prev.empty())
            counts.bigrams[prev + " " + w]++;
        prev = std::move(w);
    }
    counts.tokens += stats->tokens;
    counts.letters += stats->letters;
    counts.capitalised += stats->capitalised;
    counts.lines++;
}

} // namespace

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 150000);
    std::vector<std::string> vocab = make_vocabulary();
    std::vector<long> emitted(vocab.size());
    bench_rng rng{1234};
    Counts counts;

    for (long i = 0; i < n; i++)
        count_line(make_line(rng, vocab, emitted), counts);

    long total = 0, bigram_total = 0;
    for (size_t k = 0; k < vocab.size(); k++) {
        auto it = counts.words.find(vocab[k]);
        long got = it == counts.words.end() ? 0 : it->second;
        bench_check(got == emitted[k], "wordfreq", "word count matches the generator");
        total += emitted[k];
    }
    for (const auto &b : counts.bigrams)
        bigram_total += b.second;
    bench_check(counts.tokens == total, "wordfreq", "token total");
    bench_check(bigram_total == total - counts.lines, "wordfreq", "bigram total");

    std::vector<std::pair<std::string, long>> ranked(counts.words.begin(), counts.words.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    uint64_t sum = BENCH_HASH_INIT;
    for (size_t i = 0; i < ranked.size() && i < 20; i++) {
        sum = bench_hash(sum, ranked[i].first.data(), ranked[i].first.size());
        sum = bench_hash_u64(sum, static_cast<uint64_t>(ranked[i].second));
    }
    sum = bench_hash_u64(sum, static_cast<uint64_t>(counts.letters));
    sum = bench_hash_u64(sum, static_cast<uint64_t>(counts.capitalised));
    sum = bench_hash_u64(sum, counts.bigrams.size());
    bench_report("wordfreq", n, sum);
    return 0;
}
