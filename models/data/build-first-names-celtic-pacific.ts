/**
 * Builds src/anonymize/text/data/first-names-celtic-pacific.json: common given names of Wales, Ireland, Gaelic Scotland,
 * Brittany, the Basque Country, Quebec, Aotearoa New Zealand (Māori) and the Pacific (Samoa, Tonga, Tahiti, Hawaiʻi),
 * which the faker-built lists (names.json) and the US list lack: "Emyr", "Sioned", "Máire", "Aisling", "Bleuenn",
 * "Maialen", "Hinano", "Aroha", "Sione" were no first name to the rules that want one (a possessive, a name after a role
 * or a relative, a chat sender, name propagation), and the hand-written sets name patients, relatives and staff from
 * these places in every set. Given names are facts, not a work: the lists are written here from public knowledge of
 * each language's common names, no source copied.
 *
 * Left out, as build-first-names-us.ts leaves out: names of fewer than three letters, English or French dictionary
 * words ("Non", "Lise", "Mana", "Tui": a capitalised word would become a person wherever a first name is enough), names
 * a town list or the commune list holds (the place rules would read them as people), and drug names. Not written in:
 * names Welsh hospitals give their wards ("Caradog Ward"), which the ward rule reads only when no name list knows it.
 *
 *   npx tsx models/data/build-first-names-celtic-pacific.ts
 */
import { writeFileSync } from 'node:fs';
import { isDictionaryWord } from '../../src/anonymize/text/bloom.js';
import { isDrugName } from '../../src/anonymize/text/drugs.js';
import { communePopulation } from '../../src/anonymize/text/gazetteers.js';
import { fold } from '../../src/anonymize/text/normalize.js';
import { isTownOfAnyList } from '../../src/anonymize/text/recognizers/location.js';

const FIRST_NAMES = {
  welsh: 'Aled Alun Aneirin Angharad Arwel Bethan Bleddyn Branwen Bronwen Cadi Carys Catrin Ceri Cerys Cledwyn Dafydd Delyth Dilys Eirian Eirlys Elen Eleri Elin Emrys Emyr Eurig Ffion Geraint Glenys Gruffydd Gwenllian Gwilym Gwion Gwyneth Hefin Heledd Huw Hywel Ieuan Ifan Iestyn Ioan Iolo Iwan Lowri Llinos Meinir Meirion Menna Mererid Nerys Osian Owain Rhian Rhiannon Rhodri Rhys Seren Siân Sioned Siôn Tegan Tegid Teleri Trystan Tudur Tomos Wynfor',
  irish: 'Áine Aifric Aisling Aoibheann Aoife Bríd Caoimhe Caoimhín Cathal Ciara Ciarán Clodagh Colm Conall Cormac Dearbhla Deirdre Dónal Éabha Éamonn Eamonn Eimear Eithne Emer Eoghan Eoin Fiachra Fionn Fionnuala Gráinne Líadan Máire Mairéad Méabh Niamh Nuala Oisín Orla Orlaith Pádraig Peadar Róisín Rónán Saoirse Séamus Seán Siobhán Síle Sinéad Sorcha Tadhg Tomás Treasa Úna',
  gaelicScottish: 'Ailsa Alasdair Catriona Calum Coinneach Eilidh Fionnlagh Iain Mairi Morag Murdo Ruairidh Ruaridh Seonaid Shona Somhairle Torquil Uisdean',
  breton: 'Anaïg Annaïg Armelle Azilis Bleuenn Brieuc Corentin Enora Erwan Ewen Goulven Gwenaël Gwenaëlle Gwendal Gwenola Jakez Katell Klervi Loeiz Maël Maëlle Nolwenn Rozenn Soazig Tanguy Tugdual Youenn Yannig',
  basque: 'Maialen Ainhoa Amaia Aitor Ander Eneko Iker Iñaki Unai Oihana Nahia Irati Xabier Mikel Garazi Leire Nerea Haizea Itziar',
  quebec: 'Réal Gaétan Ghislain Ghislaine Réjean Réjeanne Rosaire Guylaine Ginette Johanne Huguette Jocelyne Normand Yvon Sylvain',
  maori: 'Anahera Aroha Awhina Hemi Hine Hinemoa Hinewai Huia Kahurangi Kauri Kiri Kiriana Manaia Marama Mere Mereana Moana Ngaio Nikau Paora Pania Rangi Rāwiri Tama Tamati Tāne Tangi Wiremu Whetu Hohepa Tipene Ihaia Matiu Atawhai Ataahua',
  pacific: 'Sione Mele Lupe Sefo Tevita Viliami Salote Siaosi Fetu Malia Tavita Iosefa Ioane Mosese Semisi Leilani Kealoha Kalani Keoni Makana Noelani Hinano Heimata Teiva Tehani Vaite Tamatoa Maeva Poehere Raiarii Titaina Vaimiti Manava Heiata Hinatea Heiarii Ranitea',
};

const kept = new Set<string>();
const left: string[] = [];
for (const name of Object.values(FIRST_NAMES).flatMap((list) => list.split(' '))) {
  const f = fold(name);
  if (f.length < 3 || isDictionaryWord(f) || communePopulation(name) !== undefined || isTownOfAnyList(name) || isDrugName(name)) left.push(name);
  else kept.add(name);
}
const out = new URL('../../src/anonymize/text/data/first-names-celtic-pacific.json', import.meta.url);
writeFileSync(out, `${JSON.stringify([...kept].sort((a, b) => a.localeCompare(b)))}\n`);
console.log(`${kept.size} first names written; left out ${left.length}: ${left.join(' ')}`);
