/**
 * Deny-list of common / easily guessable passwords.
 *
 * Only entries of length 8..128 are kept — shorter passwords are rejected by
 * the length policy anyway. All entries are lowercase; lookups go through
 * `isCommonPassword`, which lowercases and trims the input.
 *
 * The set is built from:
 *  - a literal list of well-known leaked passwords (international and RuNet top lists);
 *  - generated patterns: repeated characters and short blocks, digit sequences,
 *    keyboard walks (QWERTY and ЙЦУКЕН, incl. Russian words typed on a Latin layout),
 *    dates (DDMMYYYY), and common words / names combined with typical suffixes and years.
 */

const MIN_LEN = 8;
const MAX_LEN = 128;

// ---------------------------------------------------------------------------
// Literal list (leaked top lists). Entries shorter than 8 are filtered out.
// ---------------------------------------------------------------------------
const LITERAL: readonly string[] = [
  // classic international top lists
  '12345678', '123456789', '1234567890', '12345678910', '1234567891', '123456789a',
  '987654321', '87654321', '0987654321', '11111111', '111111111', '1111111111',
  '00000000', '000000000', '0000000000', '88888888', '77777777', '66666666',
  '12341234', '11223344', '112233445566', '12344321', '12121212', '13131313',
  '123123123', '321321321', '147258369', '741852963', '159753456', '159357456',
  '147852369', '963852741', '789456123', '123654789', '1234554321', '1122334455',
  '123qweasd', '123qweasdzxc', 'qweasdzxc', 'qweasd123', 'qazwsxedc', 'qazwsx123',
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd',
  'p@ssw0rd', 'p@ssword', 'pa55word', 'pa$$word', 'passwort', 'motdepasse',
  'qwertyui', 'qwertyuiop', 'qwerty12', 'qwerty123', 'qwerty1234', 'qwerty12345',
  'qwerty123456', 'qwertyqwerty', '1qaz2wsx', '1qaz2wsx3edc', 'zaq12wsx', 'zaq1zaq1',
  '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4', 'q1w2e3r4t5', 'q1w2e3r4t5y6',
  'asdfghjk', 'asdfghjkl', 'asdf1234', 'zxcvbnm1', 'zxcvbnm123', '1234qwer', 'qwer1234',
  'abcd1234', 'abc12345', 'abc123456', 'abcdefgh', 'abcdefg1', 'a1b2c3d4', 'a1234567',
  'aa123456', 'aaaaaaaa', 'iloveyou', 'iloveyou1', 'iloveyou2', 'iloveyou!', 'iloveu123',
  'sunshine', 'sunshine1', 'princess', 'princess1', 'football', 'football1', 'baseball',
  'basketball', 'welcome1', 'welcome123', 'trustno1', 'superman', 'superman1', 'batman123',
  'whatever', 'michelle', 'jennifer', 'starwars', 'computer', 'corvette', 'mercedes',
  'liverpool', 'chelsea1', 'arsenal1', 'manchester', 'barcelona', 'realmadrid',
  'internet', 'samantha', 'maverick', 'steelers', 'jordan23', 'charlie1', 'danielle',
  'michael1', 'jessica1', 'letmein1', 'letmein123', 'master12', 'monkey12', 'dragon12',
  'shadow12', 'killer12', 'mustang1', 'blink182', 'butterfly', 'chocolate', 'elephant',
  'fireball', 'firebird', 'freedom1', 'hello123', 'helloworld', 'hellokitty', 'hunter12',
  'lovelove', 'loveyou1', 'lovely12', 'midnight', 'mountain', 'nicholas', 'peaches1',
  'pepper12', 'phoenix1', 'playboy1', 'pokemon1', 'qwerty01', 'rainbow1', 'scorpion',
  'security', 'serenity', 'silver12', 'snowball', 'snowboard', 'soccer12', 'spiderman',
  'stargate', 'sweetheart', 'sweetie1', 'thunder1', 'tigger12', 'trustme1', 'universe',
  'victoria', 'warcraft', 'wolverine', 'yankees1', 'zeppelin', '1234abcd', '12qwaszx',
  'qwaszx12', 'asdfasdf', 'asdasdasd', 'qweqweqwe', 'zxczxczxc', 'qwe123qwe', 'qwe12345',
  'qwerty7', 'admin123', 'admin1234', 'administrator', 'adminadmin', 'root1234',
  'rootroot', 'test1234', 'testtest', 'test12345', 'guest123', 'user1234', 'changeme',
  'changeme1', 'default1', 'secret12', 'secret123', 'letmeinnow', 'passpass', 'pass1234',
  'pass12345', 'mypassword', 'newpassword', 'mypass123', 'logitech', 'microsoft',
  'windows7', 'windows10', 'samsung1', 'samsung123', 'iphone12', 'android1', 'google123',
  'facebook', 'facebook1', 'instagram', 'linkedin', 'twitter1', 'youtube1', 'minecraft',
  'minecraft1', 'minecraft123', 'fortnite', 'fortnite1', 'roblox123', 'pokemon123',
  'naruto123', 'sasuke123', 'onepiece', 'dragonball', 'goku1234', 'pikachu1', 'doraemon',
  'anime123', 'gamer123', 'playstation', 'xbox360', 'nintendo', 'counterstrike',
  'valorant', 'dota2dota2', 'warhammer', 'skyrim123', 'zelda123', 'mario123', 'sonic123',
  'lovelife', 'forever1', 'together', 'babygirl', 'babygirl1', 'babyboy1', 'angel123',
  'angelina', 'beautiful', 'blessed1', 'caroline', 'cheyenne', 'christian', 'christine',
  'cookie12', 'crystal1', 'destiny1', 'diamond1', 'dolphin1', 'flower12', 'friends1',
  'genesis1', 'godisgood', 'heather1', 'jasmine1', 'jesus123', 'jesuschrist', 'kimberly',
  'lauren12', 'madison1', 'marlboro', 'matthew1', 'melissa1', 'mickey12', 'miranda1',
  'monique1', 'natalie1', 'patricia', 'precious', 'rebecca1', 'richard1', 'sabrina1',
  'savannah', 'stephanie', 'sunflower', 'tiffany1', 'veronica', 'vanessa1', 'william1',
  'alexander', 'alexandra', 'anthony1', 'benjamin', 'brandon1', 'cameron1', 'christopher',
  'courtney', 'elizabeth', 'fernando', 'gabriel1', 'isabella', 'jonathan', 'jordan12',
  'jackson1', 'kristina', 'margaret', 'maxwell1', 'patrick1', 'samuel12', 'sebastian',
  'spencer1', 'stefanie', 'thomas12', 'timothy1', 'vincent1', 'zachary1', 'qwerty11',
  'qwerty69', 'qwerty99', 'asdfghjkl1', 'asdfghjkl123', 'zxcvbnm12', 'mnbvcxz1',
  'poiuytrewq', 'lkjhgfdsa', 'zxcvbnmasdfghjkl', 'qwertyuiopasdfghjkl',
  'qwertyuiopasdfghjklzxcvbnm', '!qaz2wsx', '!qaz@wsx', '1qazxsw2', 'xsw21qaz', '2wsx3edc',
  '3edc4rfv', '4rfv5tgb', '5tgb6yhn', 'zaq1xsw2', 'zaq1xsw2cde3', 'qazxswedc', 'qawsedrf',
  'aq1sw2de3', 'qwe!@#123', '!@#$%^&*', '!@#$%^&*()', '1q2w3e!q', 'p4ssw0rd', 'p@ss1234',
  'letmein!', 'welcome!', 'password!', 'passw0rd!', 'p@ssw0rd1', 'p@ssw0rd123',
  'trustno1!', 'iloveyou123', 'loveyou123', 'mylove123', 'baby1234', 'sexy1234', 'sexygirl',
  'hottie12', 'fuckyou1', 'fuckyou123', 'fuckoff1', 'asshole1', 'bitch123', 'shithead',
  'pussy123', 'qwerty777', '777777777', '1qa2ws3ed', '1a2b3c4d', '1a2b3c4d5e', 'a1s2d3f4',
  'z1x2c3v4', 'q1q1q1q1', 'a1a1a1a1', '1q1q1q1q', 'qqqqqqqq', 'qqqqqqqqqq', 'zzzzzzzz',
  'xxxxxxxx', 'asdf;lkj', 'dragonfly', 'thunderbird', 'blackdragon', 'darkness',
  'darkangel', 'deathnote', 'hardcore', 'highschool', 'homework', 'ilovemymom',
  'ilovemom', 'iloveyoumom', 'mommy123', 'daddy123', 'family123', 'family01', 'summer12',
  'summer2020', 'winter12', 'spring12', 'autumn12', 'monday12', 'friday13', 'september',
  'december', 'november', 'february', 'january1', 'octopus1', 'penguin1', 'kitten12',
  'puppy123', 'doggy123', 'kittycat', 'catdog12', 'bluebird', 'blue1234', 'redred12',
  'green123', 'yellow12', 'orange12', 'purple12', 'pink1234', 'black123', 'white123',
  'silver123', 'golden12', 'diamonds', 'treasure', 'qwerty00', 'qwerty2020', 'password2020',
  'password2021', 'password2022', 'password2023', 'password2024', 'password2025',

  // RuNet top lists (Latin transliteration, Russian-layout typing, sports clubs…)
  'ytdthysq', 'gfhjkm123', 'gfhjkm12', 'gfhjkmgfhjkm', 'gfhjkm1234', 'ghbdtn123',
  'ghbdtnvbh', 'ntktajy1', 'rjvgm.nth', 'cjkywt12', 'qwertyytrewq', 'ktyjxrf1',
  'vfhbyf123', 'yfnfif123', 'fktrcfylh', 'fktrctq1', 'vfrcbv123', 'lbvf1234', 'cthutq12',
  'fylhtq12', 'flvbybcnhfnjh', 'gfhjkmxbr', 'rfhfylfi', 'pfqrf123', 'rjirf123', 'cj,frf12',
  'kfgjxrf1', 'vbkfirf1', 'cjkysirj', 'rjntyjr1', 'zyltrc123', 'hjccbz123', 'vjcrdf123',
  'parol123', 'parol1234', 'parolparol', 'parol12345', 'privet123', 'privet1234',
  'privetik', 'poka1234', 'lubov123', 'lyubov123', 'lubimaya', 'lubimyi1', 'solnyshko',
  'solnishko', 'kotenok1', 'kotik123', 'koshka123', 'sobaka123', 'zaichik', 'zaika123',
  'rybka123', 'malysh123', 'malishka', 'malyshka', 'kisa1234', 'pupsik12', 'lapochka',
  'krasotka', 'korolev1', 'prinzessa', 'princessa', 'angelochek', 'angelina1',
  'marina123', 'natasha1', 'natasha123', 'natalia1', 'natalya1', 'svetlana', 'svetlana1',
  'sveta123', 'sveta1234', 'tatiana1', 'tatyana1', 'tanya123', 'tanechka', 'olga1234',
  'olechka1', 'irina123', 'irinka12', 'elena123', 'lena1234', 'lenochka', 'katya123',
  'katyusha', 'ekaterina', 'ksenia123', 'kseniya1', 'oksana123', 'yulia123', 'yuliya12',
  'julia123', 'juliya12', 'nastya123', 'nastenka', 'anastasia', 'anastasiya',
  'dasha123', 'dashenka', 'masha123', 'mashenka', 'mariya123', 'polina123', 'alina123',
  'kristina1', 'viktoria', 'viktoriya', 'vika1234', 'veronika', 'valentina', 'galina123',
  'lyudmila', 'ludmila1', 'nadezhda', 'sasha123', 'sasha1234', 'sashka12', 'aleksandr',
  'aleksandra', 'alexandr', 'alexey123', 'aleksey1', 'alexei123', 'andrey123', 'andrei123',
  'sergey123', 'sergei123', 'serega12', 'dmitriy1', 'dmitry123', 'dima1234', 'dimon123',
  'maksim123', 'maxim123', 'maksimka', 'nikita123', 'nikitos1', 'vladimir', 'vladimir1',
  'vova1234', 'volodya1', 'denis123', 'denchik1', 'artem123', 'artyom12', 'ivan1234',
  'ivanov12', 'ivanova1', 'mikhail1', 'misha123', 'pavel123', 'pasha123', 'roman123',
  'romka123', 'evgeniy1', 'evgeny123', 'zhenya12', 'kirill123', 'egor1234', 'ilya1234',
  'anton123', 'oleg1234', 'igor1234', 'yuriy123', 'vitaliy1', 'vitalik1', 'stanislav',
  'konstantin', 'kostya12', 'nikolay1', 'kolya123', 'timur123', 'ruslan123', 'rustam123',
  'danil123', 'daniil123', 'arseniy1', 'matvey123', 'stepan12', 'spartak1', 'spartak123',
  'spartak1922', 'zenit123', 'zenit1925', 'zenitchampion', 'cska1911', 'cskamoscow',
  'dinamo123', 'lokomotiv', 'lokomotiv1', 'rubin1958', 'krasnodar', 'rostov123',
  'russia123', 'rossiya1', 'rossiya123', 'moskva123', 'moscow123', 'moskva2024',
  'piter123', 'sankt-peterburg', 'kazan123', 'novosibirsk', 'ekaterinburg', 'vkontakte',
  'vkontakte1', 'odnoklassniki', 'yandex123', 'mailru123', 'telegram', 'telegram1',
  'kasperskiy', 'kaspersky', 'shkola123', 'school123', 'uchenik1', 'uchitel1', 'klass123',
  'mama1234', 'mamapapa', 'mamapapa1', 'mamochka', 'papa1234', 'papamama', 'semya123',
  'babushka', 'dedushka', 'bratishka', 'druzhba1', 'drujba123', 'pobeda45', 'pobeda1945',
  'matrix123', 'terminator', 'stalker1', 'stalker123', 'metro2033', 'tanki123',
  'worldoftanks', 'warface1', 'standoff2', 'brawlstars', 'pubgmobile', 'genshin123',
  'nagibator', 'nagibator228', 'shkolnik', 'qwerty228', 'qwerty1337', 'leet1337',
  'lolkek123', 'kekkek123', 'pacan228', '22822822', '1488148814', 'dfcbkbq1', 'ghbdtn12',
  'gthcbr123', 'ybrbnf123', 'fyfcnfcbz', 'rfnthbyf', 'tktyf123', 'bhbyf123', 'jkmuf123',
  'dbrnjhbz', 'rhbcnbyf', 'fyzfyz12', 'vfhbz123', 'lfif1234', 'rfnz1234', 'cdtnf123',

  // Cyrillic (typed with Russian layout)
  'йцукенгш', 'йцукенгшщ', 'йцукенгшщз', 'йцукенгшщзх', 'йцукенгшщзхъ', 'фывапролд',
  'фывапролдж', 'фывапролджэ', 'ячсмитьбю', 'пароль123', 'пароль1234', 'парольпароль',
  'привет123', 'приветик', 'любовь123', 'любимая1', 'солнышко', 'солнышко1', 'котенок1',
  'котёнок1', 'кошечка1', 'зайка123', 'малышка1', 'принцесса', 'наташа123', 'марина123',
  'светлана', 'екатерина', 'анастасия', 'александр', 'александра', 'владимир', 'виктория',
  'кристина', 'спартак1', 'зенит123', 'россия123', 'москва123', 'йцукен123', 'неверный',
  'мамапапа', 'мамочка1', 'ываываыва', 'фывфывфыв', 'йцуйцуйцу', 'ячсячсяча',
];

// ---------------------------------------------------------------------------
// Building blocks for generated patterns
// ---------------------------------------------------------------------------

/** Common words / names (English and Latin-transliterated Russian). */
const WORDS: readonly string[] = [
  // English
  'password', 'pass', 'qwerty', 'admin', 'login', 'hello', 'welcome', 'letmein', 'iloveyou',
  'love', 'dragon', 'monkey', 'shadow', 'master', 'killer', 'soccer', 'hockey', 'football',
  'baseball', 'sunshine', 'princess', 'superman', 'batman', 'michael', 'charlie', 'freedom',
  'whatever', 'starwars', 'pokemon', 'minecraft', 'roblox', 'fortnite', 'google', 'apple',
  'samsung', 'iphone', 'android', 'computer', 'internet', 'angel', 'tiger', 'lucky',
  'summer', 'winter', 'secret', 'flower', 'cookie', 'purple', 'orange', 'banana',
  'chocolate', 'hunter', 'ranger', 'jordan', 'daniel', 'andrew', 'thomas', 'robert',
  'jessica', 'ashley', 'nicole', 'matrix', 'gamer', 'school', 'family', 'friend', 'happy',
  'test', 'user', 'guest', 'root', 'dream', 'magic', 'music', 'money', 'hacker', 'ninja',
  // Transliterated Russian words
  'parol', 'privet', 'lubov', 'lyubov', 'solnce', 'solnyshko', 'kotik', 'kotenok', 'koshka',
  'sobaka', 'zaika', 'rybka', 'malysh', 'malyshka', 'kisa', 'lapochka', 'mama', 'papa',
  'semya', 'shkola', 'klass', 'russia', 'rossiya', 'moskva', 'moscow', 'piter', 'kazan',
  'spartak', 'zenit', 'cska', 'dinamo', 'lokomotiv', 'vkontakte', 'yandex', 'stalker',
  'tanki', 'nagibator',
  // Transliterated Russian names
  'marina', 'natasha', 'natalia', 'svetlana', 'sveta', 'tatiana', 'tanya', 'olga', 'irina',
  'elena', 'lena', 'katya', 'ekaterina', 'ksenia', 'oksana', 'yulia', 'julia', 'nastya',
  'anastasia', 'dasha', 'masha', 'maria', 'polina', 'alina', 'kristina', 'vika',
  'viktoria', 'veronika', 'anna', 'anya', 'sofia', 'sonya', 'alisa', 'arina', 'valeria',
  'sasha', 'alexander', 'aleksandr', 'alexey', 'andrey', 'sergey', 'dmitriy', 'dima',
  'maxim', 'maksim', 'nikita', 'vladimir', 'vova', 'denis', 'artem', 'ivan', 'mikhail',
  'misha', 'pavel', 'roman', 'evgeniy', 'zhenya', 'kirill', 'egor', 'ilya', 'anton',
  'oleg', 'igor', 'vitaliy', 'timur', 'ruslan', 'danil', 'daniil', 'matvey', 'kostya',
];

/** Russian words typed in Cyrillic (also emitted as typed on a Latin layout). */
const RU_WORDS: readonly string[] = [
  'пароль', 'привет', 'любовь', 'солнышко', 'котенок', 'котик', 'кошка', 'собака', 'зайка',
  'рыбка', 'малыш', 'малышка', 'киса', 'мама', 'папа', 'семья', 'школа', 'россия', 'москва',
  'спартак', 'зенит', 'неверный', 'ангел', 'дракон', 'марина', 'наташа', 'светлана', 'света',
  'таня', 'ольга', 'ирина', 'елена', 'лена', 'катя', 'настя', 'даша', 'маша', 'полина',
  'алина', 'кристина', 'вика', 'саша', 'александр', 'сергей', 'андрей', 'дима', 'максим',
  'никита', 'владимир', 'денис', 'артем', 'иван', 'миша', 'роман', 'кирилл', 'егор',
  'йцукен', 'фываолдж',
];

const SUFFIXES: readonly string[] = [
  '', '1', '2', '7', '12', '13', '21', '22', '69', '77', '88', '99', '01', '007', '111',
  '123', '1234', '12345', '123456', '1234567', '123456789', '321', '666', '777', '228',
  '1337', '000', '!', '1!', '123!', '!!', '@', '_1', '_123', 'qwerty', 'love',
];

const FIRST_YEAR = 1960;
const LAST_YEAR = 2026;

/** ЙЦУКЕН (Russian) → QWERTY key mapping. */
const RU_TO_LAT: Readonly<Record<string, string>> = {
  й: 'q', ц: 'w', у: 'e', к: 'r', е: 't', н: 'y', г: 'u', ш: 'i', щ: 'o', з: 'p', х: '[', ъ: ']',
  ф: 'a', ы: 's', в: 'd', а: 'f', п: 'g', р: 'h', о: 'j', л: 'k', д: 'l', ж: ';', э: "'",
  я: 'z', ч: 'x', с: 'c', м: 'v', и: 'b', т: 'n', ь: 'm', б: ',', ю: '.', ё: '`',
};

const LAT_TO_RU: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(RU_TO_LAT).map(([ru, lat]) => [lat, ru]),
);

function ruToLat(s: string): string {
  let out = '';
  for (const ch of s) out += RU_TO_LAT[ch] ?? ch;
  return out;
}

function latToRu(s: string): string {
  let out = '';
  for (const ch of s) out += LAT_TO_RU[ch] ?? ch;
  return out;
}

/** Keyboard walks; every prefix of length >= 8 and every reversal is added. */
const WALKS: readonly string[] = [
  '1234567890-=',
  '0987654321',
  'qwertyuiop[]',
  'asdfghjkl;\'',
  'zxcvbnm,./',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1qaz2wsx3edc4rfv5tgb6yhn',
  'zaq1xsw2cde3vfr4bgt5',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'a1s2d3f4g5h6j7k8l9',
  '1a2s3d4f5g6h7j8k9l',
  'z1x2c3v4b5n6m7',
  'qweasdzxcrtyfghvbn',
  'qwertyasdfghzxcvbn',
  'qwertyuiopasdfghjklzxcvbnm',
  '!@#$%^&*()_+',
  '1!2@3#4$5%6^7&8*',
  'abcdefghijklmnopqrstuvwxyz',
  'qwerty123456789',
  'qwe123asd456zxc789',
  '123qweasdzxc',
  // Russian layout rows typed in Cyrillic
  'йцукенгшщзхъ',
  'фывапролджэ',
  'ячсмитьбю',
  'йфяцычувскамепинртгоьшлбщдюзжхэ',
  '1й2ц3у4к5е6н7г8ш9щ0з',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  'абвгдежзийклмнопрстуфхцчшщъыьэюя',
];

// ---------------------------------------------------------------------------
// Set construction
// ---------------------------------------------------------------------------

function buildCommonPasswords(): Set<string> {
  const set = new Set<string>();
  const add = (raw: string): void => {
    const pw = raw.trim().toLowerCase();
    if (pw.length >= MIN_LEN && pw.length <= MAX_LEN) set.add(pw);
  };

  for (const pw of LITERAL) add(pw);

  // Repeated single characters (digits, Latin and Cyrillic letters), length 8..16.
  const singles = '0123456789abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя';
  for (const ch of singles) {
    for (let len = MIN_LEN; len <= 16; len++) add(ch.repeat(len));
  }

  // Repeated short blocks: "12121212", "123123123", "abcabcabc", "qweqweqwe"…
  const blocks = [
    '12', '21', '69', '01', '10', '11', '13', '77', '00', '99', '123', '321', '234', '456',
    '789', '987', '147', '258', '369', '1234', '4321', '2580', 'ab', 'abc', 'qw', 'qwe',
    'asd', 'zxc', 'qaz', 'wsx', 'lol', 'xo', 'ha', 'la', 'love', 'qwer', 'asdf', 'zxcv',
    'йцу', 'фыв', 'ячс', 'кек',
  ];
  for (const block of blocks) {
    let s = block;
    while (s.length < MIN_LEN) s += block;
    for (; s.length <= 16; s += block) add(s);
  }

  // Ascending / descending digit runs, e.g. "23456789", "1234567890", "9876543210".
  const asc = '01234567890123456789';
  const desc = '98765432109876543210';
  for (const run of [asc, desc]) {
    for (let start = 0; start < 10; start++) {
      for (let len = MIN_LEN; len <= 12; len++) add(run.slice(start, start + len));
    }
  }
  // "12345678910", "123456789101112"…
  {
    let s = '';
    for (let n = 1; n <= 20; n++) {
      s += String(n);
      add(s);
    }
  }

  // Keyboard walks: every prefix (>= 8 chars), plus reversed strings.
  for (const walk of WALKS) {
    const reversed = [...walk].reverse().join('');
    for (const w of [walk, reversed]) {
      const chars = [...w];
      for (let len = MIN_LEN; len <= chars.length; len++) add(chars.slice(0, len).join(''));
    }
  }

  // Dates DDMMYYYY (birthdays, a very common RuNet pattern).
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let m = 1; m <= 12; m++) {
      const dim = daysInMonth[m - 1] ?? 31;
      const mm = String(m).padStart(2, '0');
      for (let d = 1; d <= dim; d++) add(`${String(d).padStart(2, '0')}${mm}${year}`);
    }
  }

  // Common words / names + typical suffixes and years (incl. prefix forms "123name").
  const latinWords = new Set<string>(WORDS);
  for (const ru of RU_WORDS) latinWords.add(ruToLat(ru)); // "пароль" → "gfhjkm"
  for (const word of latinWords) {
    for (const suffix of SUFFIXES) add(word + suffix);
    add(word + word);
    add('123' + word);
    add('1' + word + '1');
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) add(word + year);
  }
  for (const ru of RU_WORDS) {
    for (const suffix of SUFFIXES) add(ru + suffix);
    add(ru + ru);
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) add(ru + year);
  }

  // Latin passwords accidentally typed on the Russian layout: "qwerty123" → "йцукен123".
  for (const pw of [...set]) {
    if (/^[a-z0-9[\];',.`]+$/.test(pw) && /[a-z]/.test(pw)) add(latToRu(pw));
  }

  return set;
}

export const COMMON_PASSWORDS: ReadonlySet<string> = buildCommonPasswords();

/** True if `pw` (case-insensitive, surrounding whitespace ignored) is a known common password. */
export function isCommonPassword(pw: string): boolean {
  return COMMON_PASSWORDS.has(pw.trim().toLowerCase());
}
