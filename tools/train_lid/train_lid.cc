// kurdi_train_lid: trains the language-identification model shipped as data/detect/lid.model.
//
//   kurdi_train_lid DATASETS_DIR OUT.model [--holdout K] [--epochs N] [--center L] [--alpha A] [--cv K]
//
// DATASETS_DIR is ../shared/data/KurdishLID/datasets (MIT). Each *_train.txt file is one class (the
// file name says which, see kClasses). The model is a multinomial naive Bayes over the hashed
// features of src/detect/features.h, with add-alpha smoothing, costs (-log P) less a per-class offset
// (kCenter, below) quantized to one byte per bucket and class. Training is deterministic: no sampling, no random seed, files read in a fixed
// order, all sums in double. --holdout K leaves every K-th line of each file out and reports the
// accuracy on them; --cv K prints K-fold cross-validation figures and writes no model (development
// only: the shipped model is trained with the defaults and no holdout).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "detect/features.h"

namespace {

struct ClassFile {
  const char* file;
  int cls;
};
// Class order = the order of the model's columns (see src/detect/detector.cc).
const char* kClassNames[] = {"ckb-Arab", "ckb-Latn", "kmr-Arab", "kmr-Latn", "sdh-Arab",
                             "hac-Arab", "zza-Latn", "ar-Arab",  "fa-Arab",  "tr-Latn"};
constexpr int kClasses = 10;
const ClassFile kFiles[] = {
    {"CentralKurdish-arab_train.txt", 0}, {"CentralKurdish-latn_train.txt", 1},
    {"NorthernKurdish-arab_train.txt", 2}, {"NorthernKurdish-latn_train.txt", 3},
    {"SouthernKurdish-arab_train.txt", 4}, {"Gorani-arab_train.txt", 5},
    {"Zazaki-latn_train.txt", 6},          {"Zazaki-latn-wiki_train.txt", 6},
    {"Arabic-arab_train.txt", 7},          {"Persian-arab_train.txt", 8},
    {"Turkish-latn_train.txt", 9},
};
double kAlpha = 0.02;          // --alpha A (development)
int kEpochs = 0;              // --epochs N: perceptron refinement (off: it did not help on holdout)
constexpr double kRate = 0.005;
constexpr double kMargin = 1.0;
const bool kArab[kClasses] = {true, false, true, false, true, true, false, true, true, false};

// Per-feature class offset (--center L): every cost of class c is lowered by L times the class's mean
// cost on its own training features (its cross-entropy, nats per feature). Classes trained on more
// varied text (the Sorani file: news of every kind) pay more per feature on any text than classes with
// narrower files, which pulled short Sorani lines to sdh/hac/kmr; the offset evens that out.
double kCenter = 0.5;
bool kVerbose = false;  // --verbose 1: print each class's feature total and mean cost

// Calls fn(cls, line, k) for every line of every training file in kFiles order, k counting the
// lines of each file from 0 (CR of CRLF endings dropped). False when a file cannot be read.
template <class Fn>
bool for_each_training_line(const std::string& dir, Fn&& fn) {
  for (const auto& cf : kFiles) {
    std::ifstream in(dir + "/" + cf.file, std::ios::binary);
    if (!in) {
      std::cerr << "cannot read " << dir << "/" << cf.file << "\n";
      return false;
    }
    std::string line;
    for (size_t k = 0; std::getline(in, line); ++k) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      fn(cf.cls, line, k);
    }
  }
  return true;
}

std::vector<uint32_t> features_of(const std::string& line) {
  std::vector<uint32_t> feats;
  kurdi::lid::for_each_feature(line, [&](uint32_t b) {
    feats.push_back(b);
    return true;
  });
  return feats;
}

// Naive-Bayes costs (-log P(feature | class), add-alpha, minus the --center offset) from the lines
// without skip[i] (all lines if skip is empty).
template <class Lines>
void nb_costs(const Lines& lines, const std::vector<bool>& skip, std::vector<double>& cost) {
  const size_t B = kurdi::lid::kBuckets;
  std::vector<double> counts(B * kClasses, 0.0), totals(kClasses, 0.0);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!skip.empty() && skip[i]) continue;
    for (uint32_t b : lines[i].second) counts[b * kClasses + lines[i].first] += 1;
    totals[lines[i].first] += static_cast<double>(lines[i].second.size());
  }
  cost.assign(B * kClasses, 0.0);
  for (int c = 0; c < kClasses; ++c) {
    double alpha = kAlpha;
    double denom = std::log(totals[c] + alpha * static_cast<double>(B));
    for (size_t b = 0; b < B; ++b) cost[b * kClasses + c] = denom - std::log(counts[b * kClasses + c] + alpha);
  }
  if (kCenter != 0) {
    // Per-feature class offset: the class's mean cost on its own training features (its entropy).
    for (int c = 0; c < kClasses; ++c) {
      double h = 0;
      for (size_t b = 0; b < B; ++b) h += counts[b * kClasses + c] * cost[b * kClasses + c];
      h /= totals[c];
      if (kVerbose) std::fprintf(stderr, "class %s: %.0f features, mean cost %.3f nats\n", kClassNames[c], totals[c], h);
      for (size_t b = 0; b < B; ++b) cost[b * kClasses + c] -= kCenter * h;
    }
  }
}

// --cv K (development): K-fold cross-validation over the training files (line i goes to fold i % K),
// the model's argmax restricted to the classes of the line's script, as the detector does. Prints
// accuracy, the confusion matrix and ckb-Arab precision / recall / F1. Writes no model.
int cross_validate(const std::string& dir, int K) {
  if (K < 2) return 2;
  struct Line { int cls; int fold; std::vector<uint32_t> feats; };
  std::vector<Line> lines;
  if (!for_each_training_line(dir, [&](int cls, const std::string& line, size_t k) {
        lines.push_back(Line{cls, static_cast<int>(k % static_cast<size_t>(K)), features_of(line)});
      }))
    return 1;
  std::vector<std::vector<int>> confusion(kClasses, std::vector<int>(kClasses, 0));
  std::vector<std::pair<int, std::vector<uint32_t>>> pairs;
  for (const Line& l : lines) pairs.emplace_back(l.cls, l.feats);
  std::vector<bool> skip(lines.size());
  std::vector<double> cost;
  for (int f = 0; f < K; ++f) {
    for (size_t i = 0; i < lines.size(); ++i) skip[i] = lines[i].fold == f;
    nb_costs(pairs, skip, cost);
    for (const Line& l : lines) {
      if (l.fold != f) continue;
      std::vector<double> s(kClasses, 0.0);
      for (uint32_t b : l.feats)
        for (int c = 0; c < kClasses; ++c) s[c] += cost[b * kClasses + c];
      int best = -1;
      for (int c = 0; c < kClasses; ++c)
        if (kArab[c] == kArab[l.cls] && (best < 0 || s[c] < s[best])) best = c;
      confusion[l.cls][best]++;
    }
  }
  size_t ok = 0, all = 0;
  for (int a = 0; a < kClasses; ++a)
    for (int b = 0; b < kClasses; ++b) { all += confusion[a][b]; if (a == b) ok += confusion[a][b]; }
  std::printf("cv %d folds: accuracy %.4f on %zu lines\n", K, static_cast<double>(ok) / all, all);
  for (int a = 0; a < kClasses; ++a) {
    std::printf("%-9s", kClassNames[a]);
    for (int b = 0; b < kClasses; ++b) std::printf(" %4d", confusion[a][b]);
    std::printf("\n");
  }
  double tp = confusion[0][0], pp = 0, gg = 0;
  for (int c = 0; c < kClasses; ++c) { pp += confusion[c][0]; gg += confusion[0][c]; }
  std::printf("ckb-Arab P %.4f R %.4f F1 %.4f\n", tp / pp, tp / gg, 2 * tp / (pp + gg));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: kurdi_train_lid DATASETS_DIR OUT.model [--holdout K] [--epochs N] [--center L] [--alpha A] [--cv K]\n";
    return 2;
  }
  std::string dir = argv[1], out = argv[2];
  int holdout = 0;
  for (int a = 3; a + 1 < argc; a += 2) {
    if (std::strcmp(argv[a], "--holdout") == 0) holdout = std::atoi(argv[a + 1]);
    else if (std::strcmp(argv[a], "--epochs") == 0) kEpochs = std::atoi(argv[a + 1]);
    else if (std::strcmp(argv[a], "--alpha") == 0) kAlpha = std::atof(argv[a + 1]);
    else if (std::strcmp(argv[a], "--center") == 0) kCenter = std::atof(argv[a + 1]);
    else if (std::strcmp(argv[a], "--verbose") == 0) kVerbose = std::atoi(argv[a + 1]) != 0;
    else if (std::strcmp(argv[a], "--cv") == 0) return cross_validate(dir, std::atoi(argv[a + 1]));
  }

  const size_t B = kurdi::lid::kBuckets;
  std::vector<std::pair<int, std::string>> dev;
  std::vector<std::pair<int, std::vector<uint32_t>>> train;
  // --holdout K: the K-th, 2K-th ... line of each file (counting from 1) goes to dev.
  if (!for_each_training_line(dir, [&](int cls, const std::string& line, size_t k) {
        if (holdout > 0 && (k + 1) % static_cast<size_t>(holdout) == 0) dev.emplace_back(cls, line);
        else train.emplace_back(cls, features_of(line));
      }))
    return 1;
  // costs
  std::vector<double> cost;
  nb_costs(train, {}, cost);
  double lo = 1e30, hi = -1e30;
  for (double v : cost) { lo = std::min(lo, v); hi = std::max(hi, v); }
  // Mistake-driven refinement (perceptron in cost space) between classes of the same script: for each
  // training line whose true class does not beat the best other class by kMargin nats, lower the
  // true class's costs and raise the rival's on the line's features. Fixed order (files interleaved
  // round-robin), fixed number of epochs: deterministic.
  {
    std::vector<size_t> order;
    std::vector<std::vector<size_t>> per(kClasses);
    for (size_t i = 0; i < train.size(); ++i) per[train[i].first].push_back(i);
    for (size_t r = 0;; ++r) {
      bool any = false;
      for (int c = 0; c < kClasses; ++c)
        if (r < per[c].size()) { order.push_back(per[c][r]); any = true; }
      if (!any) break;
    }
    for (int epoch = 0; epoch < kEpochs; ++epoch) {
      size_t updates = 0;
      for (size_t idx : order) {
        const auto& [cls, feats] = train[idx];
        bool arab = kArab[cls];
        std::vector<double> s(kClasses, 0.0);
        for (uint32_t b : feats)
          for (int c = 0; c < kClasses; ++c) s[c] += cost[b * kClasses + c];
        int rival = -1;
        for (int c = 0; c < kClasses; ++c)
          if (c != cls && kArab[c] == arab && (rival < 0 || s[c] < s[rival])) rival = c;
        if (rival < 0 || s[cls] + kMargin < s[rival]) continue;
        ++updates;
        for (uint32_t b : feats) {
          cost[b * kClasses + cls] -= kRate;
          cost[b * kClasses + rival] += kRate;
        }
      }
      std::fprintf(stderr, "epoch %d: %zu updates\n", epoch, updates);
    }
    lo = 1e30; hi = -1e30;
    for (double v : cost) { lo = std::min(lo, v); hi = std::max(hi, v); }
  }
  double step = (hi - lo) / 255.0;
  std::vector<unsigned char> q(B * kClasses);
  for (size_t i = 0; i < q.size(); ++i) {
    double v = std::round((cost[i] - lo) / step);
    q[i] = static_cast<unsigned char>(std::min(255.0, std::max(0.0, v)));
  }
  if (holdout > 0) {
    size_t ok = 0;
    std::vector<std::vector<int>> confusion(kClasses, std::vector<int>(kClasses, 0));
    for (const auto& [cls, text] : dev) {
      std::vector<double> s(kClasses, 0.0);
      kurdi::lid::for_each_feature(text, [&](uint32_t b) {
        for (int c = 0; c < kClasses; ++c) s[c] += q[b * kClasses + c];
        return true;
      });
      int best = 0;
      for (int c = 1; c < kClasses; ++c) if (s[c] < s[best]) best = c;
      ok += best == cls;
      confusion[cls][best]++;
    }
    std::printf("holdout accuracy %.4f on %zu lines\n", static_cast<double>(ok) / dev.size(), dev.size());
    for (int a = 0; a < kClasses; ++a) {
      std::printf("%-9s", kClassNames[a]);
      for (int b = 0; b < kClasses; ++b) std::printf(" %4d", confusion[a][b]);
      std::printf("\n");
    }
  }
  // file: "KLID" u32 version u32 classes u32 log2buckets f64 lo f64 step, 16-byte class names, table
  std::ofstream o(out, std::ios::binary);
  auto put32 = [&](uint32_t v) { o.write(reinterpret_cast<const char*>(&v), 4); };
  o.write("KLID", 4);
  put32(1);
  put32(kClasses);
  put32(kurdi::lid::kLog2Buckets);
  o.write(reinterpret_cast<const char*>(&lo), 8);
  o.write(reinterpret_cast<const char*>(&step), 8);
  for (int c = 0; c < kClasses; ++c) {
    char name[16] = {};
    std::strncpy(name, kClassNames[c], 15);
    o.write(name, 16);
  }
  o.write(reinterpret_cast<const char*>(q.data()), static_cast<std::streamsize>(q.size()));
  if (!o) { std::cerr << "cannot write " << out << "\n"; return 1; }
  std::cerr << "wrote " << out << " (" << q.size() + 32 + 16 * kClasses << " bytes)\n";
  return 0;
}
