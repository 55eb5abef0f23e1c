"""
The demo release in French, Spanish and Arabic, and the demo's notes to
editors and theme names in those languages: data only, loaded by
articles.demo.

Each version is written in its own language from the facts of the English
release; the three quotations are the same short attributed sentences, in
the speakers' order. The Spanish lead follows the English lead as it was
first written (``demo.EARLIER_LEAD``): the demo shows that translation as
"source changed".
"""

TRANSLATIONS = {
    "fr": {
        "title": (
            "La criminalité organisée en tête de l’ordre du jour des chefs de police "
            "européens réunis à Tirana"
        ),
        "lead": (
            "Réunis trois jours à Tirana, des responsables policiers de toute l’Europe veulent "
            "s’accorder sur la riposte à une criminalité organisée qui croît plus vite et "
            "s’étend plus loin que jamais, ainsi qu’à la cybercriminalité, aux migrations et "
            "au trafic de drogue."
        ),
        "body": """
<p>Quelque 160 hauts représentants des services de police d’Europe et d’ailleurs se réunissent
du 11 au 13 juin dans la capitale albanaise. Pendant trois jours, ils examineront les menaces
qui pèsent aujourd’hui sur la sécurité de la région et celles qui se profilent.</p>
<p>La criminalité organisée, et la rapidité avec laquelle elle franchit désormais les
frontières, domine l’ordre du jour. Les délégations se pencheront aussi sur les migrations, la
délinquance qui s’appuie sur Internet et le trafic de drogue, ainsi que sur ce que le métier de
policier devra lui-même changer pour suivre le rythme.</p>
<h2>Dans le prolongement de la Déclaration de Vienne</h2>
<p>La réunion fait suite à la déclaration adoptée par l’Assemblée générale à Vienne en
novembre 2023, qui fixait des mesures à long terme contre la criminalité organisée\u00a0: en
faire une priorité politique au plus haut niveau, investir davantage dans la technologie,
soutenir les policiers en première ligne, renforcer la coopération et l’échange d’informations
entre pays.</p>
<p>L’Europe est la région qui recourt le plus aux bases de données de l’Organisation\u00a0:
environ 4,2\u00a0milliards de consultations en 2023, soit près de la moitié des vérifications
effectuées dans le monde.</p>
""",
        # (text, context) in the order of the English quotes.
        "quotes": [
            (
                "Les crimes d’aujourd’hui sont de plus en plus internationaux.",
                "à l’ouverture de la conférence",
            ),
            (
                "L’Europe a besoin d’une réponse policière unifiée et stratégique face à ces "
                "problèmes qui perdurent.",
                "",
            ),
            ("Ce n’est qu’ensemble que nous pourrons relever ces défis.", ""),
        ],
        # One per photo, in the order of the English captions.
        "captions": [
            "Les délégués prennent place pour la séance d’ouverture.",
            "Le ministre albanais de l’Intérieur ouvre la conférence.",
            "Le président d’INTERPOL s’adresse à la séance plénière.",
            "Le secrétaire général d’INTERPOL intervient sur la criminalité organisée.",
            "Les chefs de délégation lors de la première table ronde.",
            "Un groupe de travail consacré à la délinquance facilitée par Internet.",
            "Débat sur les migrations et la sécurité des frontières.",
            "Des experts mettent en commun leurs informations sur les routes de la drogue.",
            "Des délégués entre deux séances, dans la salle de conférence.",
            "La table ronde sur l’avenir du métier de policier.",
            "Rencontres bilatérales au deuxième jour de la conférence.",
            "La séance de clôture de la conférence.",
            "Photo de groupe des chefs de délégation.",
        ],
        "alt_note": "image générée pour la démonstration",
    },
    "es": {
        "title": (
            "La delincuencia organizada centra la reunión de los jefes de policía europeos "
            "en Tirana"
        ),
        # The English lead as it was first written (demo.EARLIER_LEAD), in Spanish.
        "lead": (
            "Altos responsables policiales de toda Europa se reúnen durante tres días en "
            "Tirana para debatir sobre la delincuencia organizada, la ciberdelincuencia, la "
            "migración y el narcotráfico."
        ),
        "body": """
<p>Unos 160 altos representantes de los cuerpos policiales de Europa y de otras regiones se
reúnen del 11 al 13 de junio en la capital albanesa. Durante tres días analizarán las amenazas
a la seguridad a las que se enfrenta hoy la región y las que prevé para los próximos años.</p>
<p>La delincuencia organizada, y la rapidez con la que ahora cruza las fronteras, marca el
orden del día. Las delegaciones abordarán también la migración, los delitos que se valen de
internet y el tráfico de drogas, así como los cambios que la propia labor policial tendrá que
emprender para no quedarse atrás.</p>
<h2>Sobre la base de la Declaración de Viena</h2>
<p>La reunión da continuidad a la declaración aprobada en la Asamblea General celebrada en
Viena en noviembre de 2023, que fijó medidas a largo plazo contra la delincuencia organizada:
convertirla en prioridad política al más alto nivel, invertir más en tecnología, respaldar a
los agentes que trabajan en primera línea y reforzar la cooperación y el intercambio de
información entre países.</p>
<p>Europa es la región que más utiliza las bases de datos de la Organización: en 2023 realizó
unos 4200 millones de consultas, casi la mitad de todas las efectuadas en el mundo.</p>
""",
        "quotes": [
            (
                "Los delitos de hoy son cada vez más internacionales.",
                "en la apertura de la conferencia",
            ),
            (
                "Europa necesita una respuesta policial unificada y estratégica ante estos "
                "problemas persistentes.",
                "",
            ),
            ("Solo juntos podremos hacer frente a estos desafíos.", ""),
        ],
        "captions": [
            "Los delegados ocupan sus asientos para la sesión de apertura.",
            "El ministro del Interior de Albania inaugura la conferencia.",
            "El presidente de INTERPOL se dirige al pleno.",
            "El secretario general de INTERPOL habla sobre la delincuencia organizada.",
            "Jefes de delegación durante la primera mesa redonda.",
            "Un grupo de trabajo sobre los delitos que se valen de internet.",
            "Debate sobre migración y seguridad de las fronteras.",
            "Expertos intercambian información sobre las rutas del narcotráfico.",
            "Delegados en la sala de conferencias entre dos sesiones.",
            "La mesa redonda sobre el futuro de la labor policial.",
            "Reuniones bilaterales en la segunda jornada.",
            "La sesión de clausura de la conferencia.",
            "Foto de grupo de los jefes de delegación.",
        ],
        "alt_note": "imagen generada para la demostración",
    },
    "ar": {
        "title": "الجريمة المنظمة تتصدر جدول أعمال قادة الشرطة الأوروبيين المجتمعين في تيرانا",
        "lead": (
            "يجتمع قادة أجهزة الشرطة من مختلف أنحاء أوروبا في تيرانا على مدى ثلاثة أيام "
            "للاتفاق على سبل التصدي لجريمة منظمة تنمو بوتيرة أسرع وتمتد أبعد من أي وقت مضى، "
            "إلى جانب الجريمة السيبرانية والهجرة والاتجار بالمخدرات."
        ),
        "body": """
<p>يجتمع نحو 160 من كبار ممثلي أجهزة الشرطة من أوروبا وخارجها في العاصمة الألبانية من 11 إلى
13 حزيران/يونيو، في ثلاثة أيام من المباحثات حول التهديدات الأمنية التي تواجهها المنطقة اليوم
وتلك التي تتوقعها في المرحلة المقبلة.</p>
<p>وتتصدر الجريمة المنظمة جدول الأعمال، ولا سيما السرعة التي باتت تعبر بها الحدود. كما ستتناول
الوفود الهجرة والجرائم التي تعتمد على الإنترنت والاتجار بالمخدرات، إضافة إلى ما يتعين على
العمل الشرطي نفسه أن يغيّره لمواكبة هذه التطورات.</p>
<h2>البناء على إعلان فيينا</h2>
<p>ويأتي الاجتماع في أعقاب الإعلان الذي اعتمدته الجمعية العامة في فيينا في تشرين الثاني/نوفمبر
2023، والذي حدد خطوات طويلة الأمد لمكافحة الجريمة المنظمة: إيلاؤها أولوية سياسية على أعلى
المستويات، وزيادة الاستثمار في التكنولوجيا، ودعم عناصر الشرطة في الخطوط الأمامية، وتعزيز
التعاون وتبادل المعلومات بين البلدان.</p>
<p>وتُعدّ أوروبا أكثر المناطق استخدامًا لقواعد بيانات المنظمة، إذ أجرت نحو 4.2 مليار عملية بحث
في عام 2023، أي ما يقارب نصف عمليات التحقق التي أُجريت في العالم.</p>
""",
        "quotes": [
            ("أصبحت جرائم اليوم ذات طابع دولي على نحو متزايد.", "في افتتاح المؤتمر"),
            ("تحتاج أوروبا إلى استجابة شرطية موحدة واستراتيجية لهذه القضايا المستمرة.", ""),
            ("لا يمكننا مواجهة هذه التحديات إلا معًا.", ""),
        ],
        "captions": [
            "المندوبون يأخذون أماكنهم في الجلسة الافتتاحية.",
            "وزير الداخلية الألباني يفتتح المؤتمر.",
            "رئيس الإنتربول يلقي كلمة أمام الجلسة العامة.",
            "الأمين العام للإنتربول يتحدث عن الجريمة المنظمة.",
            "رؤساء الوفود خلال حلقة النقاش الأولى.",
            "فريق عمل معني بالجرائم التي تُرتكب عبر الإنترنت.",
            "نقاش حول الهجرة وأمن الحدود.",
            "خبراء يتبادلون المعلومات عن طرق تهريب المخدرات.",
            "مندوبون في قاعة المؤتمر بين جلستين.",
            "حلقة النقاش حول مستقبل العمل الشرطي.",
            "لقاءات ثنائية في اليوم الثاني.",
            "الجلسة الختامية للمؤتمر.",
            "صورة جماعية لرؤساء الوفود.",
        ],
        "alt_note": "صورة مولَّدة لأغراض العرض",
    },
}

# "About INTERPOL" in each language (the English one is demo.BOILERPLATE).
BOILERPLATES = {
    "fr": {
        "heading": "À propos d’INTERPOL",
        "text": (
            "INTERPOL est l’organisation internationale de police grâce à laquelle les services "
            "de police de 196 pays membres échangent des informations et coopèrent contre la "
            "criminalité transfrontalière.\n\n"
            "Son Secrétariat général est installé à Lyon, en France\u00a0; des bureaux "
            "régionaux et un Bureau central national dans chaque pays membre relient les "
            "policiers à ses bases de données, et les uns aux autres.\n\n"
            "Ceci est une démonstration\u00a0: les informations sur l’organisation sont "
            "publiques, le service de presse est fictif."
        ),
    },
    "es": {
        "heading": "Acerca de INTERPOL",
        "text": (
            "INTERPOL es la organización policial internacional a través de la cual los cuerpos "
            "de policía de 196 países miembros comparten información y colaboran contra la "
            "delincuencia que traspasa las fronteras.\n\n"
            "Su Secretaría General tiene su sede en Lyon (Francia); las oficinas regionales y una "
            "Oficina Central Nacional en cada país miembro conectan a los agentes con sus bases "
            "de datos y entre sí.\n\n"
            "Esto es una demostración: los datos sobre la organización son públicos; la oficina "
            "de prensa es ficticia."
        ),
    },
    "ar": {
        "heading": "نبذة عن الإنتربول",
        "text": (
            "الإنتربول هو المنظمة الدولية للشرطة التي تتيح لأجهزة الشرطة في 196 بلدًا عضوًا "
            "تبادل المعلومات والعمل معًا لمكافحة الجريمة العابرة للحدود.\n\n"
            "تقع أمانته العامة في مدينة ليون بفرنسا، وتربط المكاتب الإقليمية والمكتب المركزي "
            "الوطني في كل بلد عضو عناصرَ الشرطة بقواعد بياناته وبعضهم ببعض.\n\n"
            "هذا عرض توضيحي: المعلومات المتعلقة بالمنظمة متاحة للعموم، أما المكتب الصحفي فمن "
            "نسج الخيال."
        ),
    },
}

# The demo's themes (English name as created) in the other languages.
THEME_NAMES = {
    "organized crime": {
        "fr": "criminalité organisée",
        "es": "delincuencia organizada",
        "ar": "الجريمة المنظمة",
    },
    "cybercrime": {"fr": "cybercriminalité", "es": "ciberdelincuencia", "ar": "الجريمة السيبرانية"},
    "migration": {"fr": "migrations", "es": "migración", "ar": "الهجرة"},
    "drug trafficking": {
        "fr": "trafic de drogue",
        "es": "narcotráfico",
        "ar": "الاتجار بالمخدرات",
    },
    "terrorism": {"fr": "terrorisme", "es": "terrorismo", "ar": "الإرهاب"},
    "climate change": {
        "fr": "changement climatique",
        "es": "cambio climático",
        "ar": "تغيّر المناخ",
    },
    "money laundering": {
        "fr": "blanchiment d’argent",
        "es": "blanqueo de capitales",
        "ar": "غسل الأموال",
    },
}
