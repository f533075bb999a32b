/**
 * Builds src/anonymize/text/data/surnames-east-asian.json: the commonest surnames of Vietnam, China (pinyin), Hong Kong,
 * Macau, Singapore and Malaysia (Cantonese, Hokkien and Teochew spellings), Korea and Japan, as notes in Latin script
 * write them. The faker-built surname list (names.json) has none of them: "Tran", "Pham", "Chan", "Wong", "Tsang" were
 * no surname to the rules that want one (a short word in capitals beside a given name, a propagated name), and the
 * read sets hold 365 of their mentions in PERSON spans. Surnames are facts, not a work: the list is written here from
 * public knowledge of the commonest family names of each country, no source copied.
 *
 * Left out, as build-first-names-us.ts leaves out: names of fewer than three letters ("Le", "Li", "Ng", "Ho": an
 * article, a pronoun or an acronym far more often), English or French dictionary words ("Long", "Song", "Moon", "Park",
 * "Tan", "Pan", "Sun", "Hong": a capitalised word would become a person wherever a surname is enough), French communes
 * (the French place rules read them first), and drug names. Towns of the world lists stay: "Tran", "Nakamura", "Ito",
 * "Yao" are towns somewhere too, and in a note a surname far more often.
 *
 *   npx tsx models/data/build-surnames-east-asian.ts
 */
import { writeFileSync } from 'node:fs';
import { isDictionaryWord } from '../../src/anonymize/text/bloom.js';
import { isDrugName } from '../../src/anonymize/text/drugs.js';
import { communePopulation } from '../../src/anonymize/text/gazetteers.js';
import { fold } from '../../src/anonymize/text/normalize.js';

const SURNAMES = {
  vietnam: 'Nguyen Tran Pham Hoang Huynh Phan Dang Bui Ngo Duong Truong Dinh Luong Trinh Cao Thai Quach Luu Doan Kieu Tang Vuong Hua Chau Trieu Tong Diep Nghiem Khuc Lai Lam Mai Vu Vo Do Ho Le Ly Ha Ta',
  china: 'Wang Zhang Liu Chen Yang Huang Zhao Zhou Sun Zhu Guo Lin Gao Luo Zheng Liang Xie Song Han Feng Deng Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Cheng Wei Ding Ren Shen Yao Jin Qian Qin Jia Xue Hou Lei Duan Hao Kong Shao Shi Mao Wen Kang Zhong Xiong Jiao Tao Fang Yin Bai Cui Meng Qiu Wu Xu Hu Li Ma He Yu Du Ye Lu Fu Gu',
  cantoneseHokkienTeochew: 'Chan Wong Cheung Lau Leung Chow Tsang Yip Kwok Tse Mak Fung Chu Siu Choi Kwan Poon Tam Yeung Tan Lim Teo Goh Koh Ong Chua Toh Yeo Sim Chia Seah Tay Quek Ang Heng Foo Loh Teh Khoo Ooi Yap Soh Chong Leong Chin Liew Kok Woo Yong Lum Louie Eng Hui Kwong Tsui Wai Yuen Szeto Ngai Cheuk Lui Pang Shum Ng Lo',
  korea: 'Kim Park Jung Cho Yoon Jang Seo Shin Kwon Hwang Ahn Jeon Hong Yoo Moon Bae Baek Heo Nam Noh Jeong Byun Ryu Chae Kwak Gwak Eom Min Seong Yun Oh Ko',
  japan: 'Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa Okada Hasegawa Fujita Goto Kondo Murakami Endo Aoki Sakamoto Fujii Nishimura Fukuda Ota Miura Takeuchi Nakajima Okamoto Harada Nakano Tamura Ono Saito Takeda',
};

const kept = new Set<string>();
const left: string[] = [];
for (const name of Object.values(SURNAMES).flatMap((list) => list.split(' '))) {
  const f = fold(name);
  if (f.length < 3 || isDictionaryWord(f) || communePopulation(name) !== undefined || isDrugName(name)) left.push(name);
  else kept.add(f);
}
const out = new URL('../../src/anonymize/text/data/surnames-east-asian.json', import.meta.url);
writeFileSync(out, `${JSON.stringify([...kept].sort())}\n`);
console.log(`${kept.size} surnames written; left out ${left.length}: ${left.join(' ')}`);
