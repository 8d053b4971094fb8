<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../desktop/ui/context.py" line="+54"/>
        <source>Something unexpected went wrong. The details were written to the log file in {folder}.</source>
        <translation>حدث خطأ غير متوقع. كُتبت التفاصيل في ملف السجل داخل {folder}.</translation>
    </message>
</context>
<context>
    <name>AppearanceController</name>
    <message>
        <location filename="../../desktop/ui/appearance.py" line="+55"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Actual Size</source>
        <translation>ال&amp;حجم الفعلي</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The reading text is already at its largest size ({size} pt).</source>
        <translation>نص القراءة في أكبر حجم له بالفعل ({size} نقطة).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reading text is already at its smallest size ({size} pt).</source>
        <translation>نص القراءة في أصغر حجم له بالفعل ({size} نقطة).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading text: {size} pt ({percent} %)</source>
        <translation>نص القراءة: {size} نقطة ({percent}٪)</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <location filename="../../desktop/ui/categories.py" line="+34"/>
        <location line="+59"/>
        <source>Categories</source>
        <translation>الفئات</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terms</source>
        <translation>المصطلحات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name}  (built in)</source>
        <translation>{name}  (مدمجة)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>New category</source>
        <translation>فئة جديدة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+22"/>
        <source>Colour for highlights</source>
        <translation>لون التمييز</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Rename category</source>
        <translation>إعادة تسمية الفئة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>الاسم الجديد:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete category</source>
        <translation>حذف الفئة</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete the category “{name}”? Its %n terms move to “other”.</source>
        <translation>
            <numerusform>أتريد حذف الفئة «{name}»؟ سينتقل %n مصطلح منها إلى الفئة «other».</numerusform>
            <numerusform>أتريد حذف الفئة «{name}»؟ سينتقل مصطلح واحد منها إلى الفئة «other».</numerusform>
            <numerusform>أتريد حذف الفئة «{name}»؟ سينتقل مصطلحان منها إلى الفئة «other».</numerusform>
            <numerusform>أتريد حذف الفئة «{name}»؟ سينتقل %n مصطلحات منها إلى الفئة «other».</numerusform>
            <numerusform>أتريد حذف الفئة «{name}»؟ سينتقل %n مصطلحًا منها إلى الفئة «other».</numerusform>
            <numerusform>أتريد حذف الفئة «{name}»؟ سينتقل %n مصطلح منها إلى الفئة «other».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/ui/team.py" line="+147"/>
        <source>Changed by someone else</source>
        <translation>غيّره شخص آخر</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Theirs (saved)&lt;/b&gt;</source>
        <translation>&lt;b&gt;نسختهم (محفوظة)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Yours (not saved)&lt;/b&gt;</source>
        <translation>&lt;b&gt;نسختك (غير محفوظة)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(deleted)</source>
        <translation>(محذوف)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Last changed by {name}.</source>
        <translation>آخر من غيّره: {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep Mine</source>
        <translation>&amp;أبقِ نسختي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Take Theirs</source>
        <translation>&amp;خذ نسختهم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit Again</source>
        <translation>&amp;حرّر من جديد</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location line="-108"/>
        <source>Connect to Team Glossary</source>
        <translation>الاتصال بمسرد الفريق</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>From ~/.pgpass when empty</source>
        <translation>من ‎~/.pgpass إن تُركت فارغة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept for this session only. To be remembered, a password goes in ~/.pgpass (PostgreSQL&apos;s own password file).</source>
        <translation>تُحفظ لهذه الجلسة فقط. لتُتذكَّر كلمة المرور، ضعها في ‎~/.pgpass (ملف كلمات المرور الخاص بـ PostgreSQL).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host:</source>
        <translation>الخادم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>المنفذ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database:</source>
        <translation>قاعدة البيانات:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User:</source>
        <translation>المستخدم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL mode:</source>
        <translation>وضع SSL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Test</source>
        <translation>&amp;اختبار</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect</source>
        <translation>&amp;اتصال</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Name the database of the team glossary.</source>
        <translation>اكتب اسم قاعدة بيانات مسرد الفريق.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location line="+80"/>
        <source>&lt;b&gt;The team glossary “{name}” cannot be reached.&lt;/b&gt; Reading, highlighting and translation go on with the terms already loaded; changes cannot be saved until it is back. Tarjuman keeps trying.</source>
        <translation>&lt;b&gt;تعذّر الوصول إلى مسرد الفريق «{name}».&lt;/b&gt; تستمر القراءة والتظليل والترجمة بالمصطلحات المحمّلة؛ ولا تُحفظ التغييرات حتى يعود. يواصل ترجمان المحاولة.</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <location filename="../../desktop/ui/documents.py" line="+39"/>
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open an Arabic text document</source>
        <translation>فتح مستند نصي عربي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste as Document</source>
        <translation>ل&amp;صق كمستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the text on the clipboard as a document</source>
        <translation>فتح النص الموجود في الحافظة كمستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Sample Document</source>
        <translation>فتح المستند ال&amp;نموذجي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen with &amp;Encoding…</source>
        <translation>إعادة الفتح ب&amp;ترميز آخر…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Page</source>
        <translation>الصفحة ال&amp;تالية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Page</source>
        <translation>الصفحة ال&amp;سابقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>فتح مستند &amp;حديث</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>الصفحة السابقة (Ctrl+Page Up)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>الصفحة التالية (Ctrl+Page Down)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open document</source>
        <translation>فتح مستند</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opening {name}…</source>
        <translation>جارٍ فتح {name}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only text and web-page files have an encoding to choose.</source>
        <translation>لا يمكن اختيار الترميز إلا لملفات النصوص وصفحات الويب.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reopen with encoding</source>
        <translation>إعادة الفتح بترميز آخر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read “{title}” as:</source>
        <translation>قراءة «{title}» بترميز:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The clipboard holds no text to open.</source>
        <translation>لا تحتوي الحافظة على نص لفتحه.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pasted text</source>
        <translation>نص ملصق</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot open the document</source>
        <translation>تعذّر فتح المستند</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The document is empty.</source>
        <translation>المستند فارغ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Arabic text</source>
        <translation>لا يوجد نص عربي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{title}” has no Arabic text. Tarjuman translates Arabic into English, so there is nothing to translate here; you can still read it and use the glossary.</source>
        <translation>لا يحتوي «{title}» على نص عربي. يترجم ترجمان من العربية إلى الإنجليزية، فلا شيء هنا لترجمته؛ لكن يمكنك قراءته واستخدام المسرد.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{encoding} (guessed: File → Reopen with Encoding… to change)</source>
        <translation>{encoding} (مُخمَّن: لتغييره اختر ملف ← إعادة الفتح بترميز آخر…)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n sentences</source>
        <translation>
            <numerusform>%n جملة</numerusform>
            <numerusform>جملة واحدة</numerusform>
            <numerusform>جملتان</numerusform>
            <numerusform>%n جمل</numerusform>
            <numerusform>%n جملة</numerusform>
            <numerusform>%n جملة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n paragraphs</source>
        <translation>
            <numerusform>%n فقرة</numerusform>
            <numerusform>فقرة واحدة</numerusform>
            <numerusform>فقرتان</numerusform>
            <numerusform>%n فقرات</numerusform>
            <numerusform>%n فقرة</numerusform>
            <numerusform>%n فقرة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sentence {row} of {count} · characters {start}–{end}</source>
        <translation>الجملة {row} من {count} · المحارف من {start} إلى {end}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Page {page} of {count}</source>
        <translation>الصفحة {page} من {count}</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../desktop/ui/duplicates.py" line="+33"/>
        <source>Duplicate Terms</source>
        <translation>المصطلحات المكررة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show entries with:</source>
        <translation>عرض المداخل ذات:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merge Group</source>
        <translation>دمج المجموعة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the selected entry (or the oldest) and fold the others into it</source>
        <translation>الإبقاء على المدخل المحدد (أو الأقدم) ودمج الباقي فيه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n entries: {source}</source>
        <translation>
            <numerusform>%n مدخل: {source}</numerusform>
            <numerusform>مدخل واحد: {source}</numerusform>
            <numerusform>مدخلان: {source}</numerusform>
            <numerusform>%n مداخل: {source}</numerusform>
            <numerusform>%n مدخلًا: {source}</numerusform>
            <numerusform>%n مدخل: {source}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n group</source>
        <translation>
            <numerusform>%n مجموعة</numerusform>
            <numerusform>مجموعة واحدة</numerusform>
            <numerusform>مجموعتان</numerusform>
            <numerusform>%n مجموعات</numerusform>
            <numerusform>%n مجموعة</numerusform>
            <numerusform>%n مجموعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n groups</source>
        <translation>
            <numerusform>%n مجموعة</numerusform>
            <numerusform>مجموعة واحدة</numerusform>
            <numerusform>مجموعتان</numerusform>
            <numerusform>%n مجموعات</numerusform>
            <numerusform>%n مجموعة</numerusform>
            <numerusform>%n مجموعة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <location filename="../../desktop/ui/exchange.py" line="+47"/>
        <source>&amp;Export Glossary…</source>
        <translation>&amp;تصدير المسرد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV, CSV for Excel, Anki, TBX or OmegaT</source>
        <translation>CSV أو CSV لبرنامج Excel أو Anki أو TBX أو OmegaT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Glossary for E&amp;xcel…</source>
        <translation>تصدير المسرد لبرنامج E&amp;xcel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import Glossary…</source>
        <translation>ا&amp;ستيراد مسرد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV, TSV, Anki, TBX or OmegaT, with a preview</source>
        <translation>CSV أو TSV أو Anki أو TBX أو OmegaT، مع معاينة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import Translation &amp;Memory…</source>
        <translation>استيراد &amp;ذاكرة ترجمة…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TMX from a CAT tool: preferred translations</source>
        <translation>ملف TMX من أداة ترجمة بمساعدة الحاسوب: ترجمات مفضّلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Translation Memor&amp;y…</source>
        <translation>تصدير ذاكرة ال&amp;ترجمة…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The translation memory as TMX 1.4</source>
        <translation>ذاكرة الترجمة بصيغة TMX 1.4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wait for the running import to finish (or stop it) before starting an import.</source>
        <translation>انتظر حتى ينتهي الاستيراد الجاري (أو أوقفه) قبل بدء استيراد جديد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for the running import to finish (or stop it) before starting an export.</source>
        <translation>انتظر حتى ينتهي الاستيراد الجاري (أو أوقفه) قبل بدء التصدير.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for the running export to finish (or stop it) before starting an import.</source>
        <translation>انتظر حتى ينتهي التصدير الجاري (أو أوقفه) قبل بدء الاستيراد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for the running export to finish (or stop it) before starting an export.</source>
        <translation>انتظر حتى ينتهي التصدير الجاري (أو أوقفه) قبل بدء تصدير جديد.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Importing %v of %m</source>
        <translation>استيراد %v من %m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop importing; nothing is changed</source>
        <translation>إيقاف الاستيراد؛ لن يتغير شيء</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting %v of %m</source>
        <translation>تصدير %v من %m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop exporting; nothing is changed</source>
        <translation>إيقاف التصدير؛ لن يتغير شيء</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Import glossary</source>
        <translation>استيراد مسرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glossaries (*.csv *.tsv *.txt *.tab *.tbx *.xml *.utf8 *.db);;All files (*)</source>
        <translation>المسارد (*.csv *.tsv *.txt *.tab *.tbx *.xml *.utf8 *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot import the glossary</source>
        <translation>تعذّر استيراد المسرد</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Imported %n terms ({added} new, {updated} updated, {skipped} skipped)</source>
        <translation>
            <numerusform>تم استيراد %n مصطلح ({added} جديد، {updated} محدَّث، {skipped} متخطّى)</numerusform>
            <numerusform>تم استيراد مصطلح واحد ({added} جديد، {updated} محدَّث، {skipped} متخطّى)</numerusform>
            <numerusform>تم استيراد مصطلحين ({added} جديد، {updated} محدَّث، {skipped} متخطّى)</numerusform>
            <numerusform>تم استيراد %n مصطلحات ({added} جديد، {updated} محدَّث، {skipped} متخطّى)</numerusform>
            <numerusform>تم استيراد %n مصطلحًا ({added} جديد، {updated} محدَّث، {skipped} متخطّى)</numerusform>
            <numerusform>تم استيراد %n مصطلح ({added} جديد، {updated} محدَّث، {skipped} متخطّى)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+46"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Import stopped; the glossary is as it was.</source>
        <translation>توقف الاستيراد؛ بقي المسرد كما كان.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+20"/>
        <source>Import translation memory</source>
        <translation>استيراد ذاكرة ترجمة</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Translation memories (*.tmx);;All files (*)</source>
        <translation>ذواكر الترجمة (*.tmx);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot import the translation memory</source>
        <translation>تعذّر استيراد ذاكرة الترجمة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to import</source>
        <translation>لا شيء لاستيراده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” holds no Arabic → English translation units.</source>
        <translation>لا يحتوي «{name}» على وحدات ترجمة من العربية إلى الإنجليزية.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>“{name}” holds %n Arabic → English units, for example:

{sample}

They become your preferred translations, used wherever these sentences appear. The glossary is backed up first.</source>
        <translation>
            <numerusform>يحتوي «{name}» على %n وحدة من العربية إلى الإنجليزية، منها مثلًا:

{sample}

ستصبح ترجماتك المفضّلة، وتُستخدم أينما ظهرت هذه الجمل. يُنسخ المسرد احتياطيًا أولًا.</numerusform>
            <numerusform>يحتوي «{name}» على وحدة واحدة من العربية إلى الإنجليزية، منها مثلًا:

{sample}

ستصبح ترجماتك المفضّلة، وتُستخدم أينما ظهرت هذه الجمل. يُنسخ المسرد احتياطيًا أولًا.</numerusform>
            <numerusform>يحتوي «{name}» على وحدتين من العربية إلى الإنجليزية، منها مثلًا:

{sample}

ستصبح ترجماتك المفضّلة، وتُستخدم أينما ظهرت هذه الجمل. يُنسخ المسرد احتياطيًا أولًا.</numerusform>
            <numerusform>يحتوي «{name}» على %n وحدات من العربية إلى الإنجليزية، منها مثلًا:

{sample}

ستصبح ترجماتك المفضّلة، وتُستخدم أينما ظهرت هذه الجمل. يُنسخ المسرد احتياطيًا أولًا.</numerusform>
            <numerusform>يحتوي «{name}» على %n وحدة من العربية إلى الإنجليزية، منها مثلًا:

{sample}

ستصبح ترجماتك المفضّلة، وتُستخدم أينما ظهرت هذه الجمل. يُنسخ المسرد احتياطيًا أولًا.</numerusform>
            <numerusform>يحتوي «{name}» على %n وحدة من العربية إلى الإنجليزية، منها مثلًا:

{sample}

ستصبح ترجماتك المفضّلة، وتُستخدم أينما ظهرت هذه الجمل. يُنسخ المسرد احتياطيًا أولًا.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Imported %n translations into the memory</source>
        <translation>
            <numerusform>تم استيراد %n ترجمة إلى الذاكرة</numerusform>
            <numerusform>تم استيراد ترجمة واحدة إلى الذاكرة</numerusform>
            <numerusform>تم استيراد ترجمتين إلى الذاكرة</numerusform>
            <numerusform>تم استيراد %n ترجمات إلى الذاكرة</numerusform>
            <numerusform>تم استيراد %n ترجمة إلى الذاكرة</numerusform>
            <numerusform>تم استيراد %n ترجمة إلى الذاكرة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import stopped; the memory is as it was.</source>
        <translation>توقف الاستيراد؛ بقيت الذاكرة كما كانت.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export translation memory</source>
        <translation>تصدير ذاكرة الترجمة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translation memories (*.tmx)</source>
        <translation>ذواكر الترجمة (*.tmx)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n translations to {path}</source>
        <translation>
            <numerusform>تم تصدير %n ترجمة إلى {path}</numerusform>
            <numerusform>تم تصدير ترجمة واحدة إلى {path}</numerusform>
            <numerusform>تم تصدير ترجمتين إلى {path}</numerusform>
            <numerusform>تم تصدير %n ترجمات إلى {path}</numerusform>
            <numerusform>تم تصدير %n ترجمة إلى {path}</numerusform>
            <numerusform>تم تصدير %n ترجمة إلى {path}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Export glossary</source>
        <translation>تصدير المسرد</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Anki deck</source>
        <translation>رزمة Anki</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deck name:</source>
        <translation>اسم الرزمة:</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Exported %n terms to {path} ({format} does not carry {fields})</source>
        <translation>
            <numerusform>تم تصدير %n مصطلح إلى {path} (لا تحمل صيغة {format}: {fields})</numerusform>
            <numerusform>تم تصدير مصطلح واحد إلى {path} (لا تحمل صيغة {format}: {fields})</numerusform>
            <numerusform>تم تصدير مصطلحين إلى {path} (لا تحمل صيغة {format}: {fields})</numerusform>
            <numerusform>تم تصدير %n مصطلحات إلى {path} (لا تحمل صيغة {format}: {fields})</numerusform>
            <numerusform>تم تصدير %n مصطلحًا إلى {path} (لا تحمل صيغة {format}: {fields})</numerusform>
            <numerusform>تم تصدير %n مصطلح إلى {path} (لا تحمل صيغة {format}: {fields})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n terms to {path}</source>
        <translation>
            <numerusform>تم تصدير %n مصطلح إلى {path}</numerusform>
            <numerusform>تم تصدير مصطلح واحد إلى {path}</numerusform>
            <numerusform>تم تصدير مصطلحين إلى {path}</numerusform>
            <numerusform>تم تصدير %n مصطلحات إلى {path}</numerusform>
            <numerusform>تم تصدير %n مصطلحًا إلى {path}</numerusform>
            <numerusform>تم تصدير %n مصطلح إلى {path}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Some terms were left out</source>
        <translation>استُبعدت بعض المصطلحات</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n terms cannot be written as {format}: {terms}</source>
        <translation>
            <numerusform>تعذّرت كتابة %n مصطلح بصيغة {format}: {terms}</numerusform>
            <numerusform>تعذّرت كتابة مصطلح واحد بصيغة {format}: {terms}</numerusform>
            <numerusform>تعذّرت كتابة مصطلحين بصيغة {format}: {terms}</numerusform>
            <numerusform>تعذّرت كتابة %n مصطلحات بصيغة {format}: {terms}</numerusform>
            <numerusform>تعذّرت كتابة %n مصطلحًا بصيغة {format}: {terms}</numerusform>
            <numerusform>تعذّرت كتابة %n مصطلح بصيغة {format}: {terms}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export stopped; {name} was not written.</source>
        <translation>توقف التصدير؛ لم يُكتب {name}.</translation>
    </message>
</context>
<context>
    <name>FinishedMessage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/translation.py" line="+42"/>
        <source>All %n sentence came from the translation memory.</source>
        <translation>
            <numerusform>جاءت كل الجمل (%n) من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجملة الوحيدة من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجملتان كلتاهما من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجمل الـ%n كلها من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجمل الـ%n كلها من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجمل الـ%n كلها من ذاكرة الترجمة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>All %n sentences came from the translation memory.</source>
        <translation>
            <numerusform>جاءت كل الجمل (%n) من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجملة الوحيدة من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجملتان كلتاهما من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجمل الـ%n كلها من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجمل الـ%n كلها من ذاكرة الترجمة.</numerusform>
            <numerusform>جاءت الجمل الـ%n كلها من ذاكرة الترجمة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Translated %n sentence with the model in {seconds} s; {memory} came from the translation memory.</source>
        <translation>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت جملة واحدة بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت جملتان بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت %n جمل بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Translated %n sentences with the model in {seconds} s; {memory} came from the translation memory.</source>
        <translation>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت جملة واحدة بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت جملتان بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت %n جمل بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية؛ وعدد الجمل المأخوذة من ذاكرة الترجمة: {memory}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Translated %n sentence with the model in {seconds} s.</source>
        <translation>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت جملة واحدة بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت جملتان بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت %n جمل بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Translated %n sentences with the model in {seconds} s.</source>
        <translation>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت جملة واحدة بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت جملتان بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت %n جمل بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية.</numerusform>
            <numerusform>تُرجمت %n جملة بالنموذج في {seconds} ثانية.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GlossaryFilesController</name>
    <message>
        <location filename="../../desktop/ui/glossary_files.py" line="+31"/>
        <source>&amp;New Glossary…</source>
        <translation>مسرد &amp;جديد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Glossary…</source>
        <translation>فتح &amp;مسرد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back Up Glossary Now</source>
        <translation>نسخ المسرد احتياطيًا ال&amp;آن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Glossary from Bac&amp;kup…</source>
        <translation>استعادة المسرد من نسخة &amp;احتياطية…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+28"/>
        <source>New glossary</source>
        <translation>مسرد جديد</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Glossaries (*.db)</source>
        <translation>المسارد (*.db)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open glossary</source>
        <translation>فتح مسرد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Glossaries (*.db);;All files (*)</source>
        <translation>المسارد (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot open the glossary</source>
        <translation>تعذّر فتح المسرد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Glossary: {path}</source>
        <translation>المسرد: {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backed up to {path}</source>
        <translation>نُسخ احتياطيًا إلى {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup failed</source>
        <translation>فشل النسخ الاحتياطي</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Restore failed</source>
        <translation>فشلت الاستعادة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored the backup of {date}</source>
        <translation>استُعيدت النسخة الاحتياطية المؤرخة {date}</translation>
    </message>
</context>
<context>
    <name>GlossaryModel</name>
    <message>
        <location filename="../../desktop/ui/glossary_model.py" line="+76"/>
        <source>Note: {value}</source>
        <extracomment>An edit crossed someone else&apos;s (a team glossary): the EditConflictError, nothing saved.</extracomment>
        <translation>ملاحظة: {value}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Context: {value}</source>
        <translation>السياق: {value}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From: {value}</source>
        <translation>المصدر: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject field: {value}</source>
        <translation>المجال: {value}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part of speech: {value}</source>
        <translation>قسم الكلام: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added {value}</source>
        <translation>أُضيف في {value}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added by {name}</source>
        <translation>أضافه {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed by {name}, {when}</source>
        <translation>آخر من غيّره {name}، {when}</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <location filename="../../desktop/ui/glossary_panel.py" line="+105"/>
        <location line="+270"/>
        <source>Glossary</source>
        <translation>المسرد</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>Search Arabic, English or notes…</source>
        <translation>ابحث في العربية أو الإنجليزية أو الملاحظات…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Read-only glossary.&lt;/b&gt; You may read, search and export its terms; nothing can be saved in it (you may not write the file or its folder).</source>
        <translation>&lt;b&gt;مسرد للقراءة فقط.&lt;/b&gt; يمكنك قراءة مصطلحاته والبحث فيها وتصديرها، لكن لا يمكن حفظ شيء فيه (ليس لديك إذن الكتابة في الملف أو في مجلده).</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+181"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>Delete the selected terms (Delete; Ctrl+Z undoes)</source>
        <translation>حذف المصطلحات المحددة (Delete؛ ويتراجع Ctrl+Z عن الحذف)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete Selected Terms</source>
        <translation>حذف المصطلحات المحددة</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Terms of category “{category}” are highlighted in this colour</source>
        <translation>تُميَّز مصطلحات الفئة «{category}» بهذا اللون</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All categories</source>
        <translation>كل الفئات</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Delete “{source}” → “{target}”? (Ctrl+Z undoes it.)</source>
        <translation>أتريد حذف «{source}» ← «{target}»؟ (يمكن التراجع بـ Ctrl+Z.)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete %n terms? (Ctrl+Z undoes it.)</source>
        <translation>
            <numerusform>أتريد حذف %n مصطلح؟ (يمكن التراجع بـ Ctrl+Z.)</numerusform>
            <numerusform>أتريد حذف مصطلح واحد؟ (يمكن التراجع بـ Ctrl+Z.)</numerusform>
            <numerusform>أتريد حذف مصطلحين؟ (يمكن التراجع بـ Ctrl+Z.)</numerusform>
            <numerusform>أتريد حذف %n مصطلحات؟ (يمكن التراجع بـ Ctrl+Z.)</numerusform>
            <numerusform>أتريد حذف %n مصطلحًا؟ (يمكن التراجع بـ Ctrl+Z.)</numerusform>
            <numerusform>أتريد حذف %n مصطلح؟ (يمكن التراجع بـ Ctrl+Z.)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete terms</source>
        <translation>حذف المصطلحات</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Delete %n term</source>
        <translation>
            <numerusform>حذف %n مصطلح</numerusform>
            <numerusform>حذف مصطلح واحد</numerusform>
            <numerusform>حذف مصطلحين</numerusform>
            <numerusform>حذف %n مصطلحات</numerusform>
            <numerusform>حذف %n مصطلحًا</numerusform>
            <numerusform>حذف %n مصطلح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Delete %n terms</source>
        <translation>
            <numerusform>حذف %n مصطلح</numerusform>
            <numerusform>حذف مصطلح واحد</numerusform>
            <numerusform>حذف مصطلحين</numerusform>
            <numerusform>حذف %n مصطلحات</numerusform>
            <numerusform>حذف %n مصطلحًا</numerusform>
            <numerusform>حذف %n مصطلح</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show in Document</source>
        <translation>إظهار في المستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study in Reviews</source>
        <translation>إضافة إلى المراجعات</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n matching term of {total}</source>
        <translation>
            <numerusform>%n مصطلح مطابق من أصل {total}</numerusform>
            <numerusform>مصطلح واحد مطابق من أصل {total}</numerusform>
            <numerusform>مصطلحان مطابقان من أصل {total}</numerusform>
            <numerusform>%n مصطلحات مطابقة من أصل {total}</numerusform>
            <numerusform>%n مصطلحًا مطابقًا من أصل {total}</numerusform>
            <numerusform>%n مصطلح مطابق من أصل {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n matching terms of {total}</source>
        <translation>
            <numerusform>%n مصطلح مطابق من أصل {total}</numerusform>
            <numerusform>مصطلح واحد مطابق من أصل {total}</numerusform>
            <numerusform>مصطلحان مطابقان من أصل {total}</numerusform>
            <numerusform>%n مصطلحات مطابقة من أصل {total}</numerusform>
            <numerusform>%n مصطلحًا مطابقًا من أصل {total}</numerusform>
            <numerusform>%n مصطلح مطابق من أصل {total}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the glossary…</source>
        <translation>جارٍ قراءة المسرد…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n term</source>
        <translation>
            <numerusform>%n مصطلح</numerusform>
            <numerusform>مصطلح واحد</numerusform>
            <numerusform>مصطلحان</numerusform>
            <numerusform>%n مصطلحات</numerusform>
            <numerusform>%n مصطلحًا</numerusform>
            <numerusform>%n مصطلح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n terms</source>
        <translation>
            <numerusform>%n مصطلح</numerusform>
            <numerusform>مصطلح واحد</numerusform>
            <numerusform>مصطلحان</numerusform>
            <numerusform>%n مصطلحات</numerusform>
            <numerusform>%n مصطلحًا</numerusform>
            <numerusform>%n مصطلح</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="+105"/>
        <source>Tarjuman User Guide</source>
        <translation>دليل استخدام ترجمان</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <location line="+20"/>
        <source>Tarjuman &amp;User Guide</source>
        <translation>&amp;دليل استخدام ترجمان</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="+53"/>
        <source>Import {name}</source>
        <translation>استيراد {name}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Terms already in the glossary:</source>
        <translation>المصطلحات الموجودة في المسرد:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Categories the glossary lacks:</source>
        <translation>الفئات غير الموجودة في المسرد:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+109"/>
        <source>Reading the rows and counting what would change…</source>
        <translation>جارٍ قراءة الصفوف وإحصاء ما سيتغير…</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>(ignore)</source>
        <translation>(تجاهل)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column {number}</source>
        <translation>العمود {number}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>المجال</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part of speech</source>
        <translation>قسم الكلام</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>%n terms to import. Nothing is written until you press Import; an error in any row cancels the whole import.</source>
        <translation>
            <numerusform>%n مصطلح للاستيراد. لن يُكتب شيء حتى تضغط «استيراد»؛ وأي خطأ في أي صف يلغي الاستيراد كله.</numerusform>
            <numerusform>مصطلح واحد للاستيراد. لن يُكتب شيء حتى تضغط «استيراد»؛ وأي خطأ في أي صف يلغي الاستيراد كله.</numerusform>
            <numerusform>مصطلحان للاستيراد. لن يُكتب شيء حتى تضغط «استيراد»؛ وأي خطأ في أي صف يلغي الاستيراد كله.</numerusform>
            <numerusform>%n مصطلحات للاستيراد. لن يُكتب شيء حتى تضغط «استيراد»؛ وأي خطأ في أي صف يلغي الاستيراد كله.</numerusform>
            <numerusform>%n مصطلحًا للاستيراد. لن يُكتب شيء حتى تضغط «استيراد»؛ وأي خطأ في أي صف يلغي الاستيراد كله.</numerusform>
            <numerusform>%n مصطلح للاستيراد. لن يُكتب شيء حتى تضغط «استيراد»؛ وأي خطأ في أي صف يلغي الاستيراد كله.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n terms: {added} new, {updated} updated, {skipped} skipped. Nothing is written until you press Import.</source>
        <translation>
            <numerusform>%n مصطلح: {added} جديد، {updated} محدَّث، {skipped} متخطّى. لن يُكتب شيء حتى تضغط «استيراد».</numerusform>
            <numerusform>مصطلح واحد: {added} جديد، {updated} محدَّث، {skipped} متخطّى. لن يُكتب شيء حتى تضغط «استيراد».</numerusform>
            <numerusform>مصطلحان: {added} جديد، {updated} محدَّث، {skipped} متخطّى. لن يُكتب شيء حتى تضغط «استيراد».</numerusform>
            <numerusform>%n مصطلحات: {added} جديد، {updated} محدَّث، {skipped} متخطّى. لن يُكتب شيء حتى تضغط «استيراد».</numerusform>
            <numerusform>%n مصطلحًا: {added} جديد، {updated} محدَّث، {skipped} متخطّى. لن يُكتب شيء حتى تضغط «استيراد».</numerusform>
            <numerusform>%n مصطلح: {added} جديد، {updated} محدَّث، {skipped} متخطّى. لن يُكتب شيء حتى تضغط «استيراد».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerController</name>
    <message>
        <location filename="../../desktop/ui/learner.py" line="+42"/>
        <source>&amp;Learner Mode</source>
        <translation>وضع ال&amp;متعلم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour words by status; 1–5, K and I set the status of the word at the cursor</source>
        <translation>تلوين الكلمات حسب حالتها؛ تضبط المفاتيح من 1 إلى 5 وK وI حالة الكلمة عند المؤشر</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Page &amp;Known</source>
        <translation>تعليم الصفحة &amp;معروفة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every word of this page that is still new becomes known</source>
        <translation>تصبح كل كلمة جديدة في هذه الصفحة معروفة</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+133"/>
        <source>&amp;Review…</source>
        <translation>&amp;مراجعة…</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Flashcards of learning words and study terms</source>
        <translation>بطاقات استذكار للكلمات قيد التعلم ولمصطلحات الدراسة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Vocabulary…</source>
        <translation>تصدير ال&amp;مفردات…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning words and study terms as an Anki deck (.apkg) or CSV</source>
        <translation>الكلمات قيد التعلم ومصطلحات الدراسة كرزمة Anki (apkg) أو جدول CSV</translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>Known: {share} ({known} of %n words)</source>
        <translation>
            <numerusform>المعروف: {share} ({known} من أصل %n كلمة)</numerusform>
            <numerusform>المعروف: {share} ({known} من أصل كلمة واحدة)</numerusform>
            <numerusform>المعروف: {share} ({known} من أصل كلمتين)</numerusform>
            <numerusform>المعروف: {share} ({known} من أصل %n كلمات)</numerusform>
            <numerusform>المعروف: {share} ({known} من أصل %n كلمة)</numerusform>
            <numerusform>المعروف: {share} ({known} من أصل %n كلمة)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Learner mode</source>
        <translation>وضع المتعلم</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Click an Arabic word first, then press 1–5, K or I.</source>
        <translation>انقر كلمة عربية أولًا، ثم اضغط مفتاحًا من 1 إلى 5 أو K أو I.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot set the word&apos;s status</source>
        <translation>تعذّر ضبط حالة الكلمة</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n new words marked known.</source>
        <translation>
            <numerusform>تم تعليم %n كلمة جديدة على أنها معروفة.</numerusform>
            <numerusform>تم تعليم كلمة جديدة واحدة على أنها معروفة.</numerusform>
            <numerusform>تم تعليم كلمتين جديدتين على أنهما معروفتان.</numerusform>
            <numerusform>تم تعليم %n كلمات جديدة على أنها معروفة.</numerusform>
            <numerusform>تم تعليم %n كلمة جديدة على أنها معروفة.</numerusform>
            <numerusform>تم تعليم %n كلمة جديدة على أنها معروفة.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark Page Known</source>
        <translation>تعليم الصفحة معروفة</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>&amp;Review… (%n due)</source>
        <translation>
            <numerusform>&amp;مراجعة… (%n بطاقة مستحقة)</numerusform>
            <numerusform>&amp;مراجعة… (بطاقة واحدة مستحقة)</numerusform>
            <numerusform>&amp;مراجعة… (بطاقتان مستحقتان)</numerusform>
            <numerusform>&amp;مراجعة… (%n بطاقات مستحقة)</numerusform>
            <numerusform>&amp;مراجعة… (%n بطاقة مستحقة)</numerusform>
            <numerusform>&amp;مراجعة… (%n بطاقة مستحقة)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export vocabulary</source>
        <translation>تصدير المفردات</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Exported %n notes to {path}</source>
        <translation>
            <numerusform>تم تصدير %n ملاحظة إلى {path}</numerusform>
            <numerusform>تم تصدير ملاحظة واحدة إلى {path}</numerusform>
            <numerusform>تم تصدير ملاحظتين إلى {path}</numerusform>
            <numerusform>تم تصدير %n ملاحظات إلى {path}</numerusform>
            <numerusform>تم تصدير %n ملاحظة إلى {path}</numerusform>
            <numerusform>تم تصدير %n ملاحظة إلى {path}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot study the term</source>
        <translation>تعذّرت إضافة المصطلح إلى المراجعات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The term joins your reviews (Tools → Review).</source>
        <translation>أُضيف المصطلح إلى مراجعاتك (أدوات ← مراجعة).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot save the review</source>
        <translation>تعذّر حفظ المراجعة</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+146"/>
        <source>&amp;Preferences…</source>
        <extracomment>The smallest window that still reads: two or three Arabic words a line in the narrowest reading view the docks leave.</extracomment>
        <translation>التف&amp;ضيلات…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Log Folder</source>
        <translation>فتح مجلد ال&amp;سجل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Tarjuman</source>
        <translation>&amp;عن ترجمان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Translation</source>
        <translation>ت&amp;رجمة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>T&amp;ools</source>
        <translation>&amp;أدوات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Theme</source>
        <translation>ال&amp;سمة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <comment>the toolbar</comment>
        <translation>الرئيسي</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{glossary} (read-only)</source>
        <translation>{glossary} (للقراءة فقط)</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n damaged values in the glossary were repaired (a backup was made first).</source>
        <translation>
            <numerusform>تم إصلاح %n قيمة تالفة في المسرد (بعد أخذ نسخة احتياطية).</numerusform>
            <numerusform>تم إصلاح قيمة تالفة واحدة في المسرد (بعد أخذ نسخة احتياطية).</numerusform>
            <numerusform>تم إصلاح قيمتين تالفتين في المسرد (بعد أخذ نسخة احتياطية).</numerusform>
            <numerusform>تم إصلاح %n قيم تالفة في المسرد (بعد أخذ نسخة احتياطية).</numerusform>
            <numerusform>تم إصلاح %n قيمة تالفة في المسرد (بعد أخذ نسخة احتياطية).</numerusform>
            <numerusform>تم إصلاح %n قيمة تالفة في المسرد (بعد أخذ نسخة احتياطية).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>About Tarjuman</source>
        <translation>عن ترجمان</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Read Arabic documents beside their offline machine translation and build a glossary of names, titles and places.&lt;/p&gt;&lt;p&gt;Translation runs on this computer with Argos Translate models and CTranslate2; nothing is sent over the network.&lt;/p&gt;&lt;p&gt;MIT License. Arabic font: Noto Naskh Arabic (SIL Open Font License 1.1).&lt;/p&gt;&lt;p&gt;Glossary: {path}&lt;/p&gt;</source>
        <translation>&lt;p&gt;اقرأ المستندات العربية بجانب ترجمتها الآلية دون اتصال بالإنترنت، وابنِ مسردًا للأسماء والألقاب والأماكن.&lt;/p&gt;&lt;p&gt;تجري الترجمة على هذا الحاسوب بنماذج Argos Translate ومحرك CTranslate2؛ ولا يُرسَل شيء عبر الشبكة.&lt;/p&gt;&lt;p&gt;رخصة MIT. الخط العربي: Noto Naskh Arabic (رخصة SIL Open Font License 1.1).&lt;/p&gt;&lt;p&gt;المسرد: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Dropped text</source>
        <translation>نص مسحوب</translation>
    </message>
</context>
<context>
    <name>ModelBanner</name>
    <message>
        <location filename="../../desktop/ui/banner.py" line="+31"/>
        <source>Install model from file…</source>
        <translation>تثبيت نموذج من ملف…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download model…</source>
        <translation>تنزيل النموذج…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;No Arabic→English translation model is installed.&lt;/b&gt; You can still read the document and use the glossary. Install a model from a .argosmodel file, or download it from the Argos package index (needs an internet connection, about 100 MB).</source>
        <translation>&lt;b&gt;لا يوجد نموذج مثبّت للترجمة من العربية إلى الإنجليزية.&lt;/b&gt; لا يزال بإمكانك قراءة المستند واستخدام المسرد. ثبّت نموذجًا من ملف بامتداد argosmodel، أو نزّله من فهرس حزم Argos (يحتاج إلى اتصال بالإنترنت، ونحو 100 ميغابايت).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;The translation model could not be loaded.&lt;/b&gt; {problem}</source>
        <translation>&lt;b&gt;تعذّر تحميل نموذج الترجمة.&lt;/b&gt; {problem}</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <location filename="../../desktop/ui/model_manager.py" line="+42"/>
        <source>Translation Models</source>
        <translation>نماذج الترجمة</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Install from File…</source>
        <translation>تثبيت من ملف…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download Arabic→English…</source>
        <translation>تنزيل نموذج العربية إلى الإنجليزية…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{size} MB</source>
        <translation>{size} ميغابايت</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Arabic→English translation uses the model marked “In use”.</source>
        <translation>تستخدم الترجمة من العربية إلى الإنجليزية النموذجَ المعلَّم «قيد الاستخدام».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No Arabic→English model is installed.&lt;/b&gt; Install one from a .argosmodel file or download it (needs an internet connection).</source>
        <translation>&lt;b&gt;لا يوجد نموذج مثبّت للترجمة من العربية إلى الإنجليزية.&lt;/b&gt; ثبّت نموذجًا من ملف بامتداد argosmodel أو نزّله (يحتاج إلى اتصال بالإنترنت).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove model</source>
        <translation>إزالة النموذج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the {source} → {target} model {version} ({size} MB) from this computer?</source>
        <translation>أتريد إزالة نموذج {source} → {target} بإصداره {version} ({size} ميغابايت) من هذا الحاسوب؟</translation>
    </message>
</context>
<context>
    <name>ModelsController</name>
    <message>
        <location filename="../../desktop/ui/models.py" line="+33"/>
        <source>&amp;Manage Models…</source>
        <translation>إ&amp;دارة النماذج…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Install Model from File…</source>
        <translation>&amp;تثبيت نموذج من ملف…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Download Model…</source>
        <translation>ت&amp;نزيل النموذج…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Model: {source} → {target} {version}</source>
        <translation>النموذج: {source} → {target} {version}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Install translation model</source>
        <translation>تثبيت نموذج ترجمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Argos models (*.argosmodel);;All files (*)</source>
        <translation>نماذج Argos (*.argosmodel);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Installing model…</source>
        <translation>جارٍ تثبيت النموذج…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing {name}…</source>
        <translation>جارٍ تثبيت {name}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Downloading model…</source>
        <translation>جارٍ تنزيل النموذج…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading the Arabic→English model from the Argos package index…</source>
        <translation>جارٍ تنزيل نموذج العربية إلى الإنجليزية من فهرس حزم Argos…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{done} of {total} MB</source>
        <translation>{done} من {total} ميغابايت</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Installing the downloaded model…</source>
        <translation>جارٍ تثبيت النموذج الذي نُزِّل…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Installed {source} → {target} {version}</source>
        <translation>ثُبِّت {source} → {target} {version}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model could not be installed</source>
        <translation>تعذّر تثبيت النموذج</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled; nothing was installed.</source>
        <translation>أُلغي؛ لم يُثبَّت شيء.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Removed {source} → {target} {version}</source>
        <translation>أُزيل {source} → {target} {version}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model could not be removed</source>
        <translation>تعذّرت إزالة النموذج</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The interface language changes the next time Tarjuman starts.</source>
        <translation>تتغير لغة الواجهة عند تشغيل ترجمان في المرة القادمة.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/preferences.py" line="+37"/>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>More candidates per step: slightly better English, slower. 2 is a good balance.</source>
        <translation>مرشحات أكثر في كل خطوة: إنجليزية أفضل قليلًا وسرعة أقل. القيمة 2 توازن جيد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beam size:</source>
        <translation>حجم الحزمة (Beam):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>auto uses the model&apos;s own precision (int8 for Argos models): fastest.</source>
        <translation>القيمة auto تستخدم دقة النموذج نفسه (int8 في نماذج Argos)، وهي الأسرع.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computation:</source>
        <translation>نوع الحساب:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic ({count})</source>
        <translation>تلقائي ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads:</source>
        <translation>مسارات التنفيذ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes to computation or threads reload the model.</source>
        <translation>تغيير نوع الحساب أو مسارات التنفيذ يعيد تحميل النموذج.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> MB</source>
        <comment>the suffix of a size in megabytes</comment>
        <translation> ميغابايت</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bigger files are refused at once, before anything is read</source>
        <translation>تُرفض الملفات الأكبر فورًا، قبل قراءة أي شيء منها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest document:</source>
        <translation>أكبر حجم للمستند:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many backups of each glossary to keep (the newest)</source>
        <translation>عدد النسخ الاحتياطية المحفوظة لكل مسرد (الأحدث)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups kept:</source>
        <translation>النسخ الاحتياطية المحفوظة:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The most disk space the backups of each glossary may take; the oldest go first, the newest always stays</source>
        <translation>أقصى مساحة على القرص للنسخ الاحتياطية لكل مسرد؛ تُحذف الأقدم أولًا، وتبقى الأحدث دائمًا</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups&apos; total size:</source>
        <translation>الحجم الكلي للنسخ الاحتياطية:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also find other forms of glossary terms (plural, feminine, …)</source>
        <translation>البحث أيضًا عن صيغ أخرى لمصطلحات المسرد (الجمع، المؤنث، …)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Through the dictionary&apos;s lemmas: المدير also marks المديرين. These matches are underlined with dots.</source>
        <translation>عبر الأصول المعجمية في القاموس: يُميِّز «المدير» أيضًا «المديرين». ويُسطَّر تحت هذه المطابقات بنقاط.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Glossary terms:</source>
        <translation>مصطلحات المسرد:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your database user name</source>
        <translation>اسم مستخدمك في قاعدة البيانات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name a team glossary records as who added or changed a term</source>
        <translation>الاسم الذي يسجّله مسرد الفريق لمن أضاف مصطلحًا أو غيّره</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name in team glossaries:</source>
        <translation>اسمك في مسارد الفريق:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interface language changes the next time Tarjuman starts.</source>
        <translation>تتغير لغة الواجهة عند تشغيل ترجمان في المرة القادمة.</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../desktop/ui/reader.py" line="+95"/>
        <source>Add Selection to Glossary…</source>
        <translation>إضافة التحديد إلى المسرد…</translation>
    </message>
    <message>
        <location line="+373"/>
        <source>Edit Translation	F2</source>
        <translation>تحرير الترجمة	F2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revert to Machine Translation</source>
        <translation>العودة إلى الترجمة الآلية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alternative Translations…</source>
        <translation>ترجمات بديلة…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/backups.py" line="+44"/>
        <source>Restore from backup</source>
        <translation>الاستعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace &lt;b&gt;{name}&lt;/b&gt; with one of its backups. The glossary as it is now is backed up first.</source>
        <translation>ضع إحدى النسخ الاحتياطية لـ&lt;b&gt;{name}&lt;/b&gt; مكانه. يُنسخ المسرد بحالته الحالية احتياطيًا أولًا.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made</source>
        <translation>تاريخ الإنشاء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terms</source>
        <translation>المصطلحات</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unreadable</source>
        <translation>غير مقروءة</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/review.py" line="+30"/>
        <source>Review</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Show Answer (Space)</source>
        <translation>إظهار الإجابة (Space)</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Done: %n card reviewed.</source>
        <translation>
            <numerusform>انتهى: تمت مراجعة %n بطاقة.</numerusform>
            <numerusform>انتهى: تمت مراجعة بطاقة واحدة.</numerusform>
            <numerusform>انتهى: تمت مراجعة بطاقتين.</numerusform>
            <numerusform>انتهى: تمت مراجعة %n بطاقات.</numerusform>
            <numerusform>انتهى: تمت مراجعة %n بطاقة.</numerusform>
            <numerusform>انتهى: تمت مراجعة %n بطاقة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Done: %n cards reviewed.</source>
        <translation>
            <numerusform>انتهى: تمت مراجعة %n بطاقة.</numerusform>
            <numerusform>انتهى: تمت مراجعة بطاقة واحدة.</numerusform>
            <numerusform>انتهى: تمت مراجعة بطاقتين.</numerusform>
            <numerusform>انتهى: تمت مراجعة %n بطاقات.</numerusform>
            <numerusform>انتهى: تمت مراجعة %n بطاقة.</numerusform>
            <numerusform>انتهى: تمت مراجعة %n بطاقة.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing more is due now. Esc closes.</source>
        <translation>لا شيء آخر مستحق الآن. يغلق Esc النافذة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>word</source>
        <translation>كلمة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>glossary term</source>
        <translation>مصطلح من المسرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card {number} of {count} · {kind}</source>
        <translation>البطاقة {number} من {count} · {kind}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="-47"/>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>Tarjuman</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="+132"/>
        <source>Something unexpected went wrong. Tarjuman keeps running; your glossary is safe. The details were written to the log file in {folder}.</source>
        <translation>حدث خطأ غير متوقع. يواصل ترجمان العمل، ومسردك في أمان. كُتبت التفاصيل في ملف السجل داخل {folder}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy Details</source>
        <translation>نسخ التفاصيل</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{problem}

Tarjuman opens your own glossary instead; File → Connect to Team Glossary… tries again.</source>
        <translation>{problem}

يفتح ترجمان مسردك الخاص بدلًا منه؛ ويعيد ملف ← الاتصال بمسرد الفريق… المحاولة.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{problem}

The file was not changed.</source>
        <translation>{problem}

لم يتغير الملف.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore from Backup…</source>
        <translation>الاستعادة من نسخة احتياطية…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open Another Glossary…</source>
        <translation>فتح مسرد آخر…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New Glossary…</source>
        <translation>إنشاء مسرد جديد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore from backup</source>
        <translation>الاستعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup:</source>
        <translation>النسخة الاحتياطية:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a glossary</source>
        <translation>فتح مسرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glossaries (*.db);;All files (*)</source>
        <translation>المسارد (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create a glossary</source>
        <translation>إنشاء مسرد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Glossaries (*.db)</source>
        <translation>المسارد (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/appearance.py" line="-102"/>
        <source>&amp;System</source>
        <translation>حسب &amp;النظام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;فاتحة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;داكنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups.py" line="-50"/>
        <source>when opened</source>
        <translation>عند الفتح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by you</source>
        <translation>بطلب منك</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an import</source>
        <translation>قبل استيراد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an upgrade</source>
        <translation>قبل ترقية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>قبل استعادة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before repairing damaged values</source>
        <translation>قبل إصلاح قيم تالفة</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>term count unknown</source>
        <translation>عدد المصطلحات غير معروف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} terms</source>
        <translation>المصطلحات: {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents.py" line="-199"/>
        <source>Documents (*.txt *.text *.md *.srt *.docx *.html *.htm *.xhtml *.pdf);;Text (*.txt *.text *.md *.srt);;Word (*.docx);;Web pages (*.html *.htm);;PDF (*.pdf);;All files (*)</source>
        <translation>المستندات (*.txt *.text *.md *.srt *.docx *.html *.htm *.xhtml *.pdf);;النصوص (*.txt *.text *.md *.srt);;مستندات Word (*.docx);;صفحات الويب (*.html *.htm);;ملفات PDF (*.pdf);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates.py" line="-60"/>
        <source>Same Arabic (ignoring harakat and hamza)</source>
        <translation>العربية نفسها (مع تجاهل الحركات والهمزة)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same English</source>
        <translation>الإنجليزية نفسها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange.py" line="-265"/>
        <source>CSV (*.csv)</source>
        <translation>ملف CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>ملف CSV لبرنامج Excel (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anki deck (*.tsv)</source>
        <translation>رزمة Anki (*.tsv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TBX for CAT tools (*.tbx)</source>
        <translation>TBX لأدوات الترجمة بمساعدة الحاسوب (*.tbx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TBX v3, ISO 30042:2019 (*.tbx)</source>
        <translation>TBX الإصدار 3، ISO 30042:2019 (*.tbx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OmegaT glossary (*.utf8)</source>
        <translation>مسرد OmegaT (*.utf8)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_model.py" line="-58"/>
        <location filename="../../desktop/ui/team.py" line="-160"/>
        <source>Arabic</source>
        <extracomment>(field, header): the headers are translated where they are shown.</extracomment>
        <translation>العربية</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/ui/team.py" line="+1"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/ui/team.py" line="+1"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/ui/team.py" line="+1"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/ui/team.py" line="+1"/>
        <source>Subject</source>
        <translation>المجال</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/ui/team.py" line="+1"/>
        <source>Part of speech</source>
        <translation>قسم الكلام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>تاريخ الإضافة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>أضافه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed by</source>
        <translation>عدّله</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="-55"/>
        <location line="+6"/>
        <source>Reading view</source>
        <extracomment>Keys that act inside one view, so no menu shows them: (where, what, key).</extracomment>
        <translation>عرض القراءة</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Edit the English of the current sentence</source>
        <translation>تحرير النص الإنجليزي للجملة الحالية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F2 or double-click</source>
        <translation>F2 أو النقر المزدوج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentence editor</source>
        <translation>محرر الجملة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the English / leave it as it was</source>
        <translation>حفظ النص الإنجليزي / تركه كما كان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter / Esc</source>
        <translation>Enter / Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom the reading text</source>
        <translation>تكبير نص القراءة وتصغيره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+عجلة الفأرة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glossary table</source>
        <translation>جدول المسرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a cell / delete the selected terms</source>
        <translation>تحرير خلية / حذف المصطلحات المحددة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F2 / Delete</source>
        <translation>F2 / Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learner mode</source>
        <translation>وضع المتعلم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the hovered word&apos;s status</source>
        <translation>ضبط حالة الكلمة التي تحت المؤشر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–4, 5 or K known, I ignored</source>
        <translation>من 1 إلى 4، و5 أو K معروفة، وI متجاهلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the answer / rate it</source>
        <translation>إظهار الإجابة / تقييمها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space or Enter / 1–4</source>
        <translation>Space أو Enter / من 1 إلى 4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term dialog</source>
        <translation>نافذة المصطلح</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the term</source>
        <translation>حفظ المصطلح</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{menu} → {submenu}</source>
        <translation>{menu} ← {submenu}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="+55"/>
        <source>Tarjuman</source>
        <comment>the application&apos;s name</comment>
        <extracomment>The translation context of texts outside QObject classes. Languages with a bundled translation (English is the source language).</extracomment>
        <translation>ترجمان</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>System</source>
        <extracomment>The choices of Preferences → Interface language: (setting, label). Each language is named in itself.</extracomment>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="-171"/>
        <source>Update entries with the same Arabic and English</source>
        <extracomment>What counting gives: the rows and what importing them would do (None: too many to count), or why they cannot be imported.</extracomment>
        <translation>تحديث المداخل التي لها العربية والإنجليزية نفسيهما</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip terms whose Arabic is already in the glossary</source>
        <translation>تخطّي المصطلحات التي توجد عربيتها في المسرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both (add new English, leave existing entries as they are)</source>
        <translation>الإبقاء على الاثنين (إضافة الإنجليزية الجديدة وترك المداخل الموجودة كما هي)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map them to “other”</source>
        <translation>إلحاقها بالفئة «other»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create them</source>
        <translation>إنشاؤها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/learner.py" line="-199"/>
        <source>Anki deck (*.apkg)</source>
        <extracomment>Learner-mode keys → status: 1–4 learning, 5 and K known, I ignored.</extracomment>
        <translation>رزمة Anki (*.apkg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV table (*.csv)</source>
        <translation>جدول CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_manager.py" line="-85"/>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use</source>
        <translation>قيد الاستخدام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pages.py" line="+144"/>
        <source>This document has no text to show.</source>
        <extracomment>Room under each line of Arabic for a gloss line (the reader draws the glosses). Shows a sentence vowelled: (display text, display offset of each original offset). Called on the thread that builds the page. Rows shown vowelled: where each offset of the sentence is in the cell.</extracomment>
        <translation>لا يحتوي هذا المستند على نص لعرضه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_surface.py" line="+60"/>
        <source>another form of the glossary entry {source}</source>
        <translation>صيغة أخرى لمدخل المسرد {source}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>glossary entry: {source}</source>
        <translation>مدخل المسرد: {source}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review.py" line="-67"/>
        <source>Again</source>
        <translation>مرة أخرى</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hard</source>
        <translation>صعب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>جيد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Easy</source>
        <translation>سهل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/term_dialog.py" line="+162"/>
        <source>from the glossary</source>
        <translation>من المسرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the name&apos;s usual spelling</source>
        <translation>الكتابة المعتادة للاسم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>machine translation</source>
        <translation>الترجمة الآلية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the dictionary</source>
        <translation>من القاموس</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/translation.py" line="-29"/>
        <source>Plain English text (*.txt)</source>
        <translation>نص إنجليزي عادي (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual web page (*.html)</source>
        <translation>صفحة ويب ثنائية اللغة (*.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual table, tab-separated (*.tsv)</source>
        <translation>جدول ثنائي اللغة، مفصول بعلامات الجدولة (*.tsv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual table, CSV (*.csv)</source>
        <translation>جدول ثنائي اللغة، CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TMX 1.4 for CAT tools (*.tmx)</source>
        <translation>TMX 1.4 لأدوات الترجمة بمساعدة الحاسوب (*.tmx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vocabulary_panel.py" line="+23"/>
        <source>Learning</source>
        <translation>قيد التعلم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known</source>
        <translation>معروفة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ignored</source>
        <translation>متجاهلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All words</source>
        <translation>كل الكلمات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word</source>
        <translation>الكلمة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lemma</source>
        <translation>الأصل المعجمي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gloss</source>
        <translation>المعنى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new</source>
        <extracomment>The core&apos;s word statuses, as the interface language writes them.</extracomment>
        <translation>جديدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning 1</source>
        <translation>قيد التعلم 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning 2</source>
        <translation>قيد التعلم 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning 3</source>
        <translation>قيد التعلم 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning 4</source>
        <translation>قيد التعلم 4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>known</source>
        <translation>معروفة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ignored</source>
        <translation>متجاهلة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_panel.py" line="-294"/>
        <source>Delete terms</source>
        <translation>حذف المصطلحات</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <location filename="../../desktop/ui/team.py" line="+179"/>
        <source>Connect to &amp;Team Glossary…</source>
        <extracomment>Other clients&apos; changes (from the listener&apos;s thread; delivered queued). Whether the server is reachable (from the listener&apos;s thread). A team termbase was connected to (tests wait for it). A conflict dialog was shown (tests use it).</extracomment>
        <translation>الاتصال بمسرد ال&amp;فريق…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save O&amp;ffline Copy…</source>
        <translation>حفظ نسخة للعمل دون ا&amp;تصال…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Team Glossaries</source>
        <translation>مسارد الفريق الأخيرة</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+46"/>
        <source>Team glossary: {name}</source>
        <translation>مسرد الفريق: {name}</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Glossary: {name}</source>
        <translation>المسرد: {name}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The team glossary cannot be reached; retrying…</source>
        <translation>تعذّر الوصول إلى مسرد الفريق؛ تُعاد المحاولة…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team glossary is back.</source>
        <translation>عاد مسرد الفريق.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected: {what}</source>
        <translation>تم الاتصال: {what}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting to {name}…</source>
        <translation>جارٍ الاتصال بـ {name}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot connect to the team glossary</source>
        <translation>تعذّر الاتصال بمسرد الفريق</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(none yet)</source>
        <translation>(لا شيء بعد)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save offline copy</source>
        <translation>حفظ نسخة للعمل دون اتصال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glossaries (*.db)</source>
        <translation>المسارد (*.db)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving an offline copy…</source>
        <translation>جارٍ حفظ نسخة للعمل دون اتصال…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Saved %n terms to {path} for work offline.</source>
        <translation>
            <numerusform>حُفظ %n مصطلح في {path} للعمل دون اتصال.</numerusform>
            <numerusform>حُفظ مصطلح واحد في {path} للعمل دون اتصال.</numerusform>
            <numerusform>حُفظ مصطلحان في {path} للعمل دون اتصال.</numerusform>
            <numerusform>حُفظت %n مصطلحات في {path} للعمل دون اتصال.</numerusform>
            <numerusform>حُفظ %n مصطلحًا في {path} للعمل دون اتصال.</numerusform>
            <numerusform>حُفظ %n مصطلح في {path} للعمل دون اتصال.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot save the offline copy</source>
        <translation>تعذّر حفظ النسخة</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot save the term</source>
        <translation>تعذّر حفظ المصطلح</translation>
    </message>
</context>
<context>
    <name>TermCheckDialog</name>
    <message>
        <location filename="../../desktop/ui/term_check.py" line="+18"/>
        <source>Term Check</source>
        <translation>فحص المصطلحات</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sentence {row}: {terms}</source>
        <translation>الجملة {row}: {terms}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>{count} of %n sentences lack a glossary term&apos;s English. Double-click one to go there.</source>
        <translation>
            <numerusform>تفتقد {count} من أصل %n جملة المقابلَ الإنجليزي لمصطلح من المسرد. انقر نقرًا مزدوجًا على إحداها للانتقال إليها.</numerusform>
            <numerusform>تفتقد {count} من أصل جملة واحدة المقابلَ الإنجليزي لمصطلح من المسرد. انقر نقرًا مزدوجًا على إحداها للانتقال إليها.</numerusform>
            <numerusform>تفتقد {count} من أصل جملتين المقابلَ الإنجليزي لمصطلح من المسرد. انقر نقرًا مزدوجًا على إحداها للانتقال إليها.</numerusform>
            <numerusform>تفتقد {count} من أصل %n جمل المقابلَ الإنجليزي لمصطلح من المسرد. انقر نقرًا مزدوجًا على إحداها للانتقال إليها.</numerusform>
            <numerusform>تفتقد {count} من أصل %n جملة المقابلَ الإنجليزي لمصطلح من المسرد. انقر نقرًا مزدوجًا على إحداها للانتقال إليها.</numerusform>
            <numerusform>تفتقد {count} من أصل %n جملة المقابلَ الإنجليزي لمصطلح من المسرد. انقر نقرًا مزدوجًا على إحداها للانتقال إليها.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every glossary term found in the document has its English in the translation.</source>
        <translation>كل مصطلح من المسرد ورد في المستند يظهر مقابله الإنجليزي في الترجمة.</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <location filename="../../desktop/ui/term_dialog.py" line="-118"/>
        <source>Add term to glossary</source>
        <translation>إضافة مصطلح إلى المسرد</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Arabic:</source>
        <translation>العربية:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>English rendering</source>
        <translation>المقابل الإنجليزي</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use this romanisation (a suggestion for names; edit it freely)</source>
        <translation>استخدم هذه الكتابة بالحروف اللاتينية (اقتراح للأسماء؛ عدّلها كما تشاء)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>English:</source>
        <translation>الإنجليزية:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Category:</source>
        <translation>الفئة:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note:</source>
        <translation>ملاحظة:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. law, security</source>
        <translation>مثلًا: القانون، الأمن</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Part of speech (TBX-Basic&apos;s values, or your own)</source>
        <translation>قسم الكلام (قيم TBX-Basic أو قيمك الخاصة)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part of speech:</source>
        <translation>قسم الكلام:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject field:</source>
        <translation>المجال:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Context:</source>
        <translation>السياق:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document:</source>
        <translation>المستند:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show in Glossary</source>
        <translation>إظهار في المسرد</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ Already in the glossary as: {others}. Saving the same English merges into that entry; another English adds a second entry.</source>
        <translation>⚠ موجود في المسرد بالفعل بمقابل: {others}. حفظ المقابل الإنجليزي نفسه يدمجه في ذلك المدخل، وأي مقابل آخر يضيف مدخلًا ثانيًا.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Use “{text}”</source>
        <translation>استخدم «{text}»</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Suggested: {source}</source>
        <translation>مقترح: {source}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type the Arabic to save the term.</source>
        <translation>اكتب العربية لحفظ المصطلح.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the English rendering to save the term.</source>
        <translation>اكتب المقابل الإنجليزي لحفظ المصطلح.</translation>
    </message>
</context>
<context>
    <name>TermPane</name>
    <message>
        <location filename="../../desktop/ui/term_pane.py" line="+34"/>
        <source>Terms in This Sentence</source>
        <translation>مصطلحات هذه الجملة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The English of this term is not in the translation</source>
        <translation>المقابل الإنجليزي لهذا المصطلح غير موجود في الترجمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The translation uses the glossary English</source>
        <translation>تستخدم الترجمة المقابل الإنجليزي الوارد في المسرد</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another form of the glossary entry “{source}”</source>
        <translation>صيغة أخرى لمدخل المسرد «{source}»</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Insert</source>
        <translation>إدراج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the glossary English to this sentence&apos;s translation</source>
        <translation>إضافة المقابل الإنجليزي من المسرد إلى ترجمة هذه الجملة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Click a sentence to see its glossary terms.</source>
        <translation>انقر جملة لرؤية مصطلحاتها من المسرد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sentence {row}: no glossary terms.</source>
        <translation>الجملة {row}: لا مصطلحات من المسرد.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Sentence {row}: %n glossary term, {missing} missing from the translation.</source>
        <translation>
            <numerusform>الجملة {row}: %n مصطلح من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: مصطلح واحد من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: مصطلحان من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: %n مصطلحات من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: %n مصطلحًا من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: %n مصطلح من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sentence {row}: %n glossary terms, {missing} missing from the translation.</source>
        <translation>
            <numerusform>الجملة {row}: %n مصطلح من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: مصطلح واحد من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: مصطلحان من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: %n مصطلحات من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: %n مصطلحًا من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
            <numerusform>الجملة {row}: %n مصطلح من المسرد، {missing} منها غير موجود في الترجمة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Sentence {row}: %n glossary term.</source>
        <translation>
            <numerusform>الجملة {row}: %n مصطلح من المسرد.</numerusform>
            <numerusform>الجملة {row}: مصطلح واحد من المسرد.</numerusform>
            <numerusform>الجملة {row}: مصطلحان من المسرد.</numerusform>
            <numerusform>الجملة {row}: %n مصطلحات من المسرد.</numerusform>
            <numerusform>الجملة {row}: %n مصطلحًا من المسرد.</numerusform>
            <numerusform>الجملة {row}: %n مصطلح من المسرد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Sentence {row}: %n glossary terms.</source>
        <translation>
            <numerusform>الجملة {row}: %n مصطلح من المسرد.</numerusform>
            <numerusform>الجملة {row}: مصطلح واحد من المسرد.</numerusform>
            <numerusform>الجملة {row}: مصطلحان من المسرد.</numerusform>
            <numerusform>الجملة {row}: %n مصطلحات من المسرد.</numerusform>
            <numerusform>الجملة {row}: %n مصطلحًا من المسرد.</numerusform>
            <numerusform>الجملة {row}: %n مصطلح من المسرد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TermsController</name>
    <message>
        <location filename="../../desktop/ui/terms.py" line="+42"/>
        <source>Add &amp;Term…</source>
        <translation>إضافة &amp;مصطلح…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the selected Arabic as a glossary term (Ctrl+T)</source>
        <translation>حفظ النص العربي المحدد مصطلحًا في المسرد (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in Glossary</source>
        <translation>ال&amp;بحث في المسرد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find &amp;Duplicate Terms…</source>
        <translation>البحث عن المصطلحات الم&amp;كررة…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ategories…</source>
        <translation>ال&amp;فئات…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term &amp;Check…</source>
        <translation>&amp;فحص المصطلحات…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentences whose translation lacks a glossary term</source>
        <translation>الجمل التي تفتقد ترجمتها مصطلحًا من المسرد</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Glossary</source>
        <translation>المسرد</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Term matching failed</source>
        <translation>فشلت مطابقة المصطلحات</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot save the translation</source>
        <translation>تعذّر حفظ الترجمة</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This term does not occur in the document.</source>
        <translation>لا يرد هذا المصطلح في المستند.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Occurrence {number} of {count}</source>
        <translation>الموضع {number} من {count}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select Arabic text in the document first, then press Ctrl+T.</source>
        <translation>حدّد نصًا عربيًا في المستند أولًا، ثم اضغط Ctrl+T.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking up…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+15"/>
        <source>English rendering</source>
        <translation>المقابل الإنجليزي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the English (no glossary entry, dictionary word or model to suggest one)</source>
        <translation>اكتب المقابل الإنجليزي (لا مدخل في المسرد ولا كلمة في القاموس ولا نموذج يقترحه)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot save the term</source>
        <translation>تعذّر حفظ المصطلح</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Added “{source}” → “{target}”</source>
        <translation>أُضيف «{source}» ← «{target}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated “{source}” → “{target}”</source>
        <translation>حُدِّث «{source}» ← «{target}»</translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <location filename="../../desktop/ui/translation.py" line="+46"/>
        <source>&amp;Translate Again</source>
        <translation>إعادة ال&amp;ترجمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel Translation</source>
        <translation>إل&amp;غاء الترجمة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;Translation…</source>
        <translation>تصدير الترج&amp;مة…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the English, a bilingual page or table, or TMX for CAT tools</source>
        <translation>حفظ النص الإنجليزي، أو صفحة أو جدول ثنائي اللغة، أو TMX لأدوات الترجمة بمساعدة الحاسوب</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit Translation	F2</source>
        <translation>&amp;تحرير الترجمة	F2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the English of the current sentence (F2 or double-click)</source>
        <translation>تحرير النص الإنجليزي للجملة الحالية (F2 أو النقر المزدوج)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Translating %v of %m</source>
        <translation>ترجمة %v من %m</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop translating; finished sentences are kept</source>
        <translation>إيقاف الترجمة؛ تبقى الجمل المترجمة</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>All %n sentence come from the translation memory.</source>
        <translation>
            <numerusform>كل الجمل (%n) موجودة في ذاكرة الترجمة.</numerusform>
            <numerusform>الجملة الوحيدة موجودة في ذاكرة الترجمة.</numerusform>
            <numerusform>الجملتان كلتاهما موجودتان في ذاكرة الترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها موجودة في ذاكرة الترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها موجودة في ذاكرة الترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها موجودة في ذاكرة الترجمة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n sentences come from the translation memory.</source>
        <translation>
            <numerusform>كل الجمل (%n) موجودة في ذاكرة الترجمة.</numerusform>
            <numerusform>الجملة الوحيدة موجودة في ذاكرة الترجمة.</numerusform>
            <numerusform>الجملتان كلتاهما موجودتان في ذاكرة الترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها موجودة في ذاكرة الترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها موجودة في ذاكرة الترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها موجودة في ذاكرة الترجمة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>Translation cancelled: {done} of %n sentences translated.</source>
        <translation>
            <numerusform>أُلغيت الترجمة: تُرجمت {done} من أصل %n جملة.</numerusform>
            <numerusform>أُلغيت الترجمة: تُرجمت {done} من أصل جملة واحدة.</numerusform>
            <numerusform>أُلغيت الترجمة: تُرجمت {done} من أصل جملتين.</numerusform>
            <numerusform>أُلغيت الترجمة: تُرجمت {done} من أصل %n جمل.</numerusform>
            <numerusform>أُلغيت الترجمة: تُرجمت {done} من أصل %n جملة.</numerusform>
            <numerusform>أُلغيت الترجمة: تُرجمت {done} من أصل %n جملة.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Translation failed</source>
        <translation>فشلت الترجمة</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open a document first (Ctrl+O); then F5 translates it.</source>
        <translation>افتح مستندًا أولًا (Ctrl+O)؛ ثم يترجمه المفتاح F5.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No translation model is loaded: install one from Translation → Install Model from File… or Download Model…</source>
        <translation>لم يُحمَّل أي نموذج ترجمة: ثبّت نموذجًا من ترجمة ← تثبيت نموذج من ملف… أو تنزيل النموذج…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The translation is already running.</source>
        <translation>الترجمة جارية بالفعل.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n sentence are translated.</source>
        <translation>
            <numerusform>كل الجمل (%n) مترجمة.</numerusform>
            <numerusform>الجملة الوحيدة مترجمة.</numerusform>
            <numerusform>الجملتان كلتاهما مترجمتان.</numerusform>
            <numerusform>الجمل الـ%n كلها مترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها مترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها مترجمة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>All %n sentences are translated.</source>
        <translation>
            <numerusform>كل الجمل (%n) مترجمة.</numerusform>
            <numerusform>الجملة الوحيدة مترجمة.</numerusform>
            <numerusform>الجملتان كلتاهما مترجمتان.</numerusform>
            <numerusform>الجمل الـ%n كلها مترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها مترجمة.</numerusform>
            <numerusform>الجمل الـ%n كلها مترجمة.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Click a sentence first; then F2 edits its English.</source>
        <translation>انقر جملة أولًا؛ ثم يحرر المفتاح F2 نصها الإنجليزي.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot save the translation</source>
        <translation>تعذّر حفظ الترجمة</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Saved your translation of sentence {row} and %n other occurrence; it is used wherever this sentence appears.</source>
        <translation>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي %n موضع آخر؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي موضع آخر واحد؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي موضعين آخرين؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي %n مواضع أخرى؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي %n موضعًا آخر؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي %n موضع آخر؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Saved your translation of sentence {row} and %n other occurrences; it is used wherever this sentence appears.</source>
        <translation>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي %n موضع آخر؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي موضع آخر واحد؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي موضعين آخرين؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي %n مواضع أخرى؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي %n موضعًا آخر؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
            <numerusform>حُفظت ترجمتك في الجملة {row} وفي %n موضع آخر؛ وستُستخدم أينما ظهرت هذه الجملة.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved your translation of sentence {row}; it is used wherever this sentence appears.</source>
        <translation>حُفظت ترجمتك للجملة {row}؛ وستُستخدم أينما ظهرت هذه الجملة.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot revert the translation</source>
        <translation>تعذّرت العودة إلى الترجمة الآلية</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reverted to the machine translation.</source>
        <translation>أُعيدت الترجمة الآلية.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Alternative translations need a translation model.</source>
        <translation>تحتاج الترجمات البديلة إلى نموذج ترجمة.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <source>No alternatives</source>
        <translation>لا بدائل</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no document to export.</source>
        <translation>لا يوجد مستند لتصديره.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export translation</source>
        <translation>تصدير الترجمة</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Exported the translation to {path} (%n sentences not translated yet)</source>
        <translation>
            <numerusform>صُدِّرت الترجمة إلى {path} (%n جملة لم تُترجم بعد)</numerusform>
            <numerusform>صُدِّرت الترجمة إلى {path} (جملة واحدة لم تُترجم بعد)</numerusform>
            <numerusform>صُدِّرت الترجمة إلى {path} (جملتان لم تُترجما بعد)</numerusform>
            <numerusform>صُدِّرت الترجمة إلى {path} (%n جمل لم تُترجم بعد)</numerusform>
            <numerusform>صُدِّرت الترجمة إلى {path} (%n جملة لم تُترجم بعد)</numerusform>
            <numerusform>صُدِّرت الترجمة إلى {path} (%n جملة لم تُترجم بعد)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported the translation to {path}</source>
        <translation>صُدِّرت الترجمة إلى {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
</context>
<context>
    <name>VocabularyPanel</name>
    <message>
        <location filename="../../desktop/ui/vocabulary_panel.py" line="+15"/>
        <source>Vocabulary</source>
        <translation>المفردات</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search words, lemmas, glosses…</source>
        <translation>ابحث في الكلمات والأصول المعجمية والمعاني…</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n word</source>
        <translation>
            <numerusform>%n كلمة</numerusform>
            <numerusform>كلمة واحدة</numerusform>
            <numerusform>كلمتان</numerusform>
            <numerusform>%n كلمات</numerusform>
            <numerusform>%n كلمة</numerusform>
            <numerusform>%n كلمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n words</source>
        <translation>
            <numerusform>%n كلمة</numerusform>
            <numerusform>كلمة واحدة</numerusform>
            <numerusform>كلمتان</numerusform>
            <numerusform>%n كلمات</numerusform>
            <numerusform>%n كلمة</numerusform>
            <numerusform>%n كلمة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WordPanel</name>
    <message>
        <location filename="../../desktop/ui/word_panel.py" line="+25"/>
        <source>Word</source>
        <translation>الكلمة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add Word…</source>
        <translation>إضافة الكلمة…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add this word, as written, to the glossary</source>
        <translation>إضافة هذه الكلمة كما هي مكتوبة إلى المسرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Lemma…</source>
        <translation>إضافة الأصل المعجمي…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the word&apos;s dictionary form to the glossary</source>
        <translation>إضافة الصيغة المعجمية للكلمة إلى المسرد</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Click an Arabic word to see what it means.</source>
        <translation>انقر كلمة عربية لرؤية معناها.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The dictionary does not know this word: a name, perhaps, or a word it lacks. Add it to the glossary with its English.</source>
        <translation>لا يعرف القاموس هذه الكلمة: ربما تكون اسمًا، أو كلمة لا يتضمنها. أضفها إلى المسرد مع مقابلها الإنجليزي.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>parts</source>
        <translation>الأجزاء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>lemma</source>
        <translation>الأصل المعجمي</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>and %n more analyses</source>
        <translation>
            <numerusform>و%n تحليل آخر</numerusform>
            <numerusform>وتحليل آخر</numerusform>
            <numerusform>وتحليلان آخران</numerusform>
            <numerusform>و%n تحليلات أخرى</numerusform>
            <numerusform>و%n تحليلًا آخر</numerusform>
            <numerusform>و%n تحليل آخر</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In the glossary (same lemma)</source>
        <translation>في المسرد (الأصل المعجمي نفسه)</translation>
    </message>
</context>
<context>
    <name>WordsController</name>
    <message>
        <location filename="../../desktop/ui/words.py" line="+42"/>
        <source>Word &amp;Glosses</source>
        <translation>&amp;معاني الكلمات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A small English gloss under each Arabic word</source>
        <translation>معنى إنجليزي صغير تحت كل كلمة عربية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Vowelled Text</source>
        <translation>النص الم&amp;شكول</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the Arabic with the vowel marks of each word&apos;s first analysis</source>
        <translation>عرض النص العربي بحركات التحليل الأول لكل كلمة</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preparing the Arabic dictionary…</source>
        <translation>جارٍ تجهيز القاموس العربي…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Click an Arabic word to see what it means.</source>
        <translation>انقر كلمة عربية لرؤية معناها.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Arabic dictionary is not available: {problem}</source>
        <translation>القاموس العربي غير متاح: {problem}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{word}: the Arabic dictionary is still being prepared…</source>
        <translation>{word}: لا يزال القاموس العربي قيد التجهيز…</translation>
    </message>
</context>
</TS>
