import type { Random } from './random.js';

/** Indonesian-looking given names by ethnic group and sex, as found in Kalimantan Timur. */
export type Etnis = 'banjar' | 'bugis' | 'jawa' | 'kutai' | 'dayak';
export const ETNIS: Etnis[] = ['banjar', 'bugis', 'jawa', 'kutai', 'dayak'];

export const MUSLIM_L = ['Muhammad', 'Ahmad', 'Abdul Rahman', 'Rahmat', 'Hamdani', 'Fauzi', 'Rizki', 'Hendra', "Ma'ruf", "Nu'man", "Mu'min", 'Saipul', 'Rusdi', 'Ilham', 'Fadli', 'Herman', 'Yusuf', 'Ridwan', 'Zainal', 'Hasan', 'Husin', 'Syahrul', 'Ardiansyah', 'Firmansyah', 'Hairul', 'Taufik', 'Anwar', 'Jumadi', 'Abdul Gafur', 'Mahmud', 'Ismail', 'Sulaiman', 'Akhmad', 'Lukman'];
export const MUSLIM_P = ['Siti Aminah', 'Nur Aisyah', 'Rahmah', 'Fatimah', 'Hasnah', 'Normah', 'Mahmudah', "Sa'diah", "Ma'rifah", "Mar'atus Sholihah", 'Jamilah', 'Halimah', 'Nurul Hidayah', 'Salmah', 'Aisyah', 'Khadijah', 'Zainab', 'Rukayah', 'Mardiana', 'Fitriani', 'Rahmawati', 'Nurhayati', 'Maimunah', 'Rosita', 'Masitah', 'Mariam', 'Raudah'];
/** `second`: a second name for men (and women, unless `secondP` gives women's own). */
export const GIVEN: Record<Etnis, { L: string[]; P: string[]; second: string[]; secondP?: string[] }> = {
  banjar: {
    L: [...MUSLIM_L, 'Gusti Muhammad', 'Syahrani', 'Rifani', 'Anshari', 'Gazali', 'Hairani', 'Jailani', 'Fahriansyah', 'Mulkani', 'Arsyad'],
    P: [...MUSLIM_P, 'Noorhayati', 'Hairiyah', 'Jumiati', 'Rabiatul Adawiyah', 'Masrah', 'Norjannah', 'Rusmilawati', 'Noorlatifah', 'Gusti Rahmah'],
    second: ['Noor', 'Rifani', 'Anshari', 'Gazali', 'Syahrani', 'Arsyad', 'Hidayat', 'Rahman', 'Fahmi', 'Hairani'],
  },
  bugis: {
    L: [...MUSLIM_L, 'Andi Baso', 'Hamzah', 'Syamsuddin', 'Mappiasse', 'Lajamma', 'Sudirman', 'Hasanuddin', 'Mustari', 'Baharuddin', 'Amiruddin', 'Jamaluddin', 'Ambo Tang'],
    P: [...MUSLIM_P, 'Hasnawati', 'Haslinda', 'Kartini', 'Besse', 'Andi Nurhaedah', 'Nurhaeni', 'Hasmawati', 'Ramlah', 'Sitti Nurbaya', 'Rosmiati', 'Hasniah', 'Sitti Hawa'],
    second: ['Baso', 'Tang', 'Mappiasse', 'Lamba', 'Sompa', 'Daeng Mattola', 'Pawelloi', 'Rauf', 'Bakri', 'Said'],
    secondP: ['Rauf', 'Bakri', 'Said', 'Nurdin', 'Hamid', 'Basri'],
  },
  jawa: {
    L: ['Sutrisno', 'Suparman', 'Wahyudi', 'Slamet Riyadi', 'Joko Susilo', 'Bambang Sutejo', 'Sugeng', 'Agus Setiawan', 'Budi Santoso', 'Eko Prasetyo', 'Teguh', 'Sumarno', 'Suyitno', 'Tukiran', 'Heru Susanto', 'Parjo', 'Sukiman', 'Gunawan', 'Dwi Cahyono', 'Muhammad', 'Ahmad'],
    P: ['Sri Wahyuni', 'Suwarni', 'Sumiati', 'Endang Lestari', 'Tri Wulandari', 'Suparmi', 'Ngatini', 'Rusmini', 'Puji Rahayu', 'Siti Maryam', 'Wartini', 'Sulastri', 'Kasmini', 'Sunarti', 'Dwi Astuti', 'Siti Aminah', 'Siti Khotijah'],
    second: ['Santoso', 'Susanto', 'Wibowo', 'Hartono', 'Purnomo', 'Setiawan', 'Prasetyo', 'Handoko', 'Wijaya', 'Saputra'],
    secondP: ['Ningsih', 'Rahayu', 'Lestari', 'Wulandari', 'Handayani', 'Susanti', 'Purwanti'],
  },
  kutai: {
    L: ['Aji Muhammad', 'Awang Ferdian', 'Rusdiansyah', 'Imansyah', 'Syahrir', 'Abdul Rasyid', 'Adji Syarifuddin', 'Masrani', 'Iskandar', 'Zulkifli', 'Hermansyah', 'Awang Darmawan', ...MUSLIM_L.slice(0, 12)],
    P: ['Dayang Norma', 'Aji Fatimah', 'Siti Hamidah', 'Masnah', 'Dayang Khairunnisa', 'Norhayati', 'Jumrah', 'Masyitah', 'Fitriah', 'Aji Bidara', ...MUSLIM_P.slice(0, 12)],
    second: ['Syahrani', 'Kartanegara', 'Idris', 'Sulaiman', 'Noor', 'Effendi', 'Rasyid', 'Ismail'],
  },
  dayak: {
    L: ['Yohanes', 'Paulus', 'Petrus', 'Stefanus', 'Markus', 'Lukas', 'Yosef', 'Fransiskus', 'Anyeq', 'Ajang', 'Bilung', 'Ngau', 'Ibau', 'Taman', 'Lawing', 'Ding', 'Lung', 'Yakobus', 'Hendrikus'],
    P: ['Maria', 'Yuliana', 'Theresia', 'Agustina', 'Lusia', 'Bulan', 'Ping', 'Uvang', 'Lenjau', 'Elisabet', 'Veronika', 'Magdalena', 'Hana', 'Rosalina'],
    second: ['Lawing', 'Ajang', 'Ding', 'Hang', 'Lejau', 'Ibau', 'Ngau', 'Jalung', 'Ingan', 'Aran', 'Bit', 'Ului', 'Belawan', 'Anyeq', 'Lung'],
  },
};
export const DEGREES = [', S.Pd', ', S.E', ', A.Md', ', S.Sos', ', S.Kep', ', S.Pd.I'];

export function personName(rng: Random, etnis: Etnis, sex: 'L' | 'P', age: number, surname: string): string {
  const pool = GIVEN[etnis];
  let name = rng.pick(pool[sex]);
  if (etnis === 'dayak') name += rng.chance(0.75) ? ` ${surname}` : ` ${rng.pick(pool.second)}`;
  else if (!name.includes(' ') && rng.chance(0.45)) name += ` ${rng.pick((sex === 'P' && pool.secondP) || pool.second)}`;
  if (etnis !== 'dayak' && age >= 45 && rng.chance(0.05)) name = `${sex === 'L' ? 'H.' : 'Hj.'} ${name}`;
  if (age >= 23 && age <= 58 && rng.chance(0.012)) name += rng.pick(DEGREES);
  return name;
}
