/**
 * Demo schools for seeding development / staging databases.
 *
 * Names are plausible but fictional demo data (numbers are arbitrary); they
 * are not meant to identify real institutions. `city` always matches one of
 * the `cities` of the corresponding region in `regions.data.ts`.
 */
export interface SchoolSeed {
  regionCode: string;
  city: string;
  name: string;
}

export const DEMO_SCHOOLS: ReadonlyArray<SchoolSeed> = [
  // Москва
  { regionCode: '77', city: 'Москва', name: 'ГБОУ «Школа № 1502»' },
  { regionCode: '77', city: 'Москва', name: 'ГБОУ «Школа № 2086»' },
  { regionCode: '77', city: 'Москва', name: 'ГБОУ «Лицей № 1571»' },
  { regionCode: '77', city: 'Москва', name: 'ГБОУ «Гимназия № 1543»' },
  { regionCode: '77', city: 'Зеленоград', name: 'ГБОУ «Школа № 1912»' },

  // Санкт-Петербург
  { regionCode: '78', city: 'Санкт-Петербург', name: 'ГБОУ «Средняя общеобразовательная школа № 217»' },
  { regionCode: '78', city: 'Санкт-Петербург', name: 'ГБОУ «Гимназия № 406»' },
  { regionCode: '78', city: 'Санкт-Петербург', name: 'ГБОУ «Лицей № 344»' },
  { regionCode: '78', city: 'Санкт-Петербург', name: 'ГБОУ «Средняя общеобразовательная школа № 583 с углублённым изучением английского языка»' },
  { regionCode: '78', city: 'Колпино', name: 'ГБОУ «Средняя общеобразовательная школа № 451»' },

  // Московская область
  { regionCode: '50', city: 'Красногорск', name: 'МБОУ «Средняя общеобразовательная школа № 12»' },
  { regionCode: '50', city: 'Красногорск', name: 'МБОУ «Гимназия № 5»' },
  { regionCode: '50', city: 'Балашиха', name: 'МАОУ «Лицей № 3»' },
  { regionCode: '50', city: 'Подольск', name: 'МОУ «Средняя общеобразовательная школа № 24»' },
  { regionCode: '50', city: 'Мытищи', name: 'МБОУ «Школа № 7»' },

  // Республика Татарстан
  { regionCode: '16', city: 'Казань', name: 'МБОУ «Средняя общеобразовательная школа № 18»' },
  { regionCode: '16', city: 'Казань', name: 'МАОУ «Лицей № 121»' },
  { regionCode: '16', city: 'Казань', name: 'МБОУ «Гимназия № 52»' },
  { regionCode: '16', city: 'Набережные Челны', name: 'МАОУ «Средняя общеобразовательная школа № 44»' },
  { regionCode: '16', city: 'Альметьевск', name: 'МБОУ «Лицей № 2»' },

  // Кировская область
  { regionCode: '43', city: 'Киров', name: 'МБОУ «Средняя общеобразовательная школа № 14»' },
  { regionCode: '43', city: 'Киров', name: 'КОГОАУ «Вятская гимназия»' },
  { regionCode: '43', city: 'Киров', name: 'МБОУ «Лицей № 9»' },
  { regionCode: '43', city: 'Киров', name: 'МБОУ «Гимназия № 46»' },
  { regionCode: '43', city: 'Кирово-Чепецк', name: 'МБОУ «Средняя общеобразовательная школа № 6»' },

  // Свердловская область
  { regionCode: '66', city: 'Екатеринбург', name: 'МАОУ «Средняя общеобразовательная школа № 87»' },
  { regionCode: '66', city: 'Екатеринбург', name: 'МАОУ «Гимназия № 35»' },
  { regionCode: '66', city: 'Екатеринбург', name: 'МАОУ «Лицей № 130»' },
  { regionCode: '66', city: 'Нижний Тагил', name: 'МБОУ «Средняя общеобразовательная школа № 32»' },
  { regionCode: '66', city: 'Каменск-Уральский', name: 'МАОУ «Средняя общеобразовательная школа № 21»' },

  // Новосибирская область
  { regionCode: '54', city: 'Новосибирск', name: 'МБОУ «Средняя общеобразовательная школа № 112»' },
  { regionCode: '54', city: 'Новосибирск', name: 'МАОУ «Гимназия № 11»' },
  { regionCode: '54', city: 'Новосибирск', name: 'МБОУ «Лицей № 22»' },
  { regionCode: '54', city: 'Бердск', name: 'МБОУ «Средняя общеобразовательная школа № 4»' },
  { regionCode: '54', city: 'Кольцово', name: 'МБОУ «Кольцовская средняя общеобразовательная школа»' },

  // Краснодарский край
  { regionCode: '23', city: 'Краснодар', name: 'МАОУ «Средняя общеобразовательная школа № 63»' },
  { regionCode: '23', city: 'Краснодар', name: 'МБОУ «Гимназия № 18»' },
  { regionCode: '23', city: 'Краснодар', name: 'МАОУ «Лицей № 48»' },
  { regionCode: '23', city: 'Сочи', name: 'МОБУ «Средняя общеобразовательная школа № 26»' },
  { regionCode: '23', city: 'Новороссийск', name: 'МАОУ «Средняя общеобразовательная школа № 40»' },
];
