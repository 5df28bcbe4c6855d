import type { Random } from './random.js';

// Common given names in East Java; demo people are generated, never real.
const WOMEN = [
  'Siti',
  'Sri',
  'Dewi',
  'Nur',
  'Lestari',
  'Wahyuni',
  'Rina',
  'Yuli',
  'Endang',
  'Sulastri',
  'Suryani',
  'Sumiati',
  'Tri',
  'Eka',
  'Dwi',
  'Anik',
  'Puji',
  'Rahayu',
  'Kartini',
  'Ismiati',
  'Muntamah',
  'Umi',
  'Ratna',
  'Yuliana',
  'Mariyam',
  'Khoiriyah',
  'Fitri',
  'Indah',
  'Wulan',
  'Sulis',
  'Ninik',
  'Erna',
  'Hartini',
  'Sumarni',
  'Nanik',
  'Lilik',
  'Aminah',
  'Juwariyah',
  'Supriyati',
  'Mujiati',
];
const MEN = [
  'Agus',
  'Budi',
  'Slamet',
  'Joko',
  'Eko',
  'Heri',
  'Bambang',
  'Wahyu',
  'Didik',
  'Suparman',
  'Imam',
  'Hadi',
  'Sugeng',
  'Teguh',
  'Yusuf',
  'Rudi',
  'Sutrisno',
  'Nur Hasan',
  'Ahmad',
  'Kholil',
];
const SECOND = [
  'Rahmawati',
  'Handayani',
  'Wulandari',
  'Purwanti',
  'Susanti',
  'Setyowati',
  'Ningsih',
  'Astuti',
  'Lestari',
  'Wahyuningsih',
  'Kurniawati',
  'Fatimah',
  'Hidayati',
  'Maisaroh',
  'Mukaromah',
  'Sulistyowati',
  'Utami',
  'Pratiwi',
  'Hasanah',
  'Safitri',
];
const SECOND_MEN = [
  'Santoso',
  'Prasetyo',
  'Hidayat',
  'Wibowo',
  'Setiawan',
  'Saputra',
  'Purnomo',
  'Susanto',
  'Hariyanto',
  'Rohman',
];

export function personName(random: Random, sex: 'FEMALE' | 'MALE'): string {
  if (sex === 'FEMALE')
    return random.chance(0.2) ? random.pick(WOMEN) : `${random.pick(WOMEN)} ${random.pick(SECOND)}`;
  return random.chance(0.2) ? random.pick(MEN) : `${random.pick(MEN)} ${random.pick(SECOND_MEN)}`;
}

const STREETS = [
  'Jl. Raya',
  'Jl. Diponegoro',
  'Jl. Sultan Agung',
  'Jl. Merdeka',
  'Jl. Kenanga',
  'Jl. Melati',
  'Dusun Krajan',
  'Dusun Sumberejo',
];

export function streetAddress(random: Random, village: string): string {
  return `${random.pick(STREETS)} ${village} No. ${random.int(1, 120)}, RT ${String(random.int(1, 9)).padStart(2, '0')} RW ${String(random.int(1, 6)).padStart(2, '0')}`;
}

export function phoneNumber(random: Random): string {
  return `08${random.pick(['12', '13', '21', '22', '51', '52', '57', '95'])}${String(random.int(10_000_000, 99_999_999))}`;
}
