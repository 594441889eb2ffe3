<?cs # about.cs - the association: summary, history, leaders, functions, programmes, committees, sources. ?>
<?cs set:Page.Title = L.about.title ?><?cs set:Page.Nav = "about" ?>
<?cs include:"header.cs" ?>
<?cs include:"source_marks.cs" ?>
<h1><?cs var:L.about.title ?></h1>

<section aria-labelledby="sum-h">
<h2 id="sum-h"><?cs var:L.about.summary ?></h2>
<?cs if:Assoc.summary ?><p><?cs call:loc(Assoc.summary, Assoc.summary_en) ?><?cs call:tr_mark(Assoc.texts_en_derived, Assoc.summary_en) ?><?cs call:as_of(Assoc.src_year) ?></p><?cs /if ?>
<dl class="facts">
<dt><?cs var:L.member.name_en ?></dt><dd><span lang="en"><?cs call:fact(Assoc.name_en) ?></span><?cs call:en_mark(Assoc.name_en_derived) ?></dd>
<dt><?cs var:L.about.legal_form ?></dt><dd><?cs call:fact_loc(Assoc.legal_form, Assoc.legal_form_en) ?><?cs call:tr_mark(Assoc.texts_en_derived, Assoc.legal_form_en) ?><?cs if:Assoc.legal_form ?><?cs call:as_of(Assoc.src_year) ?><?cs /if ?></dd>
<dt><?cs var:L.about.address ?></dt><dd><?cs call:fact_loc(Assoc.address, Assoc.address_en) ?><?cs call:tr_mark(Assoc.texts_en_derived, Assoc.address_en) ?><?cs if:Assoc.address ?><?cs call:as_of(Assoc.src_year) ?><?cs /if ?></dd>
<dt><?cs var:L.member.phone ?></dt><dd><?cs call:fact(Assoc.phone) ?></dd>
<dt><?cs var:L.member.email ?></dt><dd><?cs call:fact(Assoc.email) ?></dd>
<dt><?cs var:L.member.website ?></dt><dd><?cs call:fact(Assoc.website) ?></dd>
</dl>
</section>

<section aria-labelledby="hist-h">
<h2 id="hist-h"><?cs var:L.about.history ?></h2>
<ol class="timeline">
<?cs each:h = History ?><li><span class="when"><?cs var:h.year ?><?cs if:h.year_note ?> <span class="note"<?cs call:ko_lang() ?>>(<?cs var:h.year_note ?>)</span><?cs /if ?></span>
<strong><?cs call:ko(h.title) ?></strong><?cs if:h.description ?><br><?cs call:ko(h.description) ?><?cs /if ?></li>
<?cs /each ?></ol>
</section>

<section aria-labelledby="lead-h">
<h2 id="lead-h"><?cs var:L.about.leaders ?></h2>
<ul>
<?cs each:l = Leaders ?><li><?cs if:l.ordinal_note ?><?cs call:ko(l.ordinal_note) ?> <?cs /if ?><?cs call:ko(l.role) ?> <strong><?cs call:ko(l.name) ?></strong><?cs if:l.affiliation ?> (<?cs call:ko(l.affiliation) ?>)<?cs /if ?><?cs if:l.is_current == 1 ?><?cs call:as_of(l.src_year) ?><?cs /if ?></li>
<?cs /each ?></ul>
</section>

<?cs def:items(list) ?><ul class="items">
<?cs each:f = list ?><li><strong><?cs call:ko(f.title) ?></strong><?cs if:f.description ?>: <?cs call:ko(f.description) ?><?cs /if ?></li>
<?cs /each ?></ul><?cs /def ?>
<section aria-labelledby="fn-h">
<h2 id="fn-h"><?cs var:L.about.functions ?></h2>
<?cs call:items(Functions) ?>
</section>
<section aria-labelledby="pg-h">
<h2 id="pg-h"><?cs var:L.about.programmes ?></h2>
<?cs call:items(Programmes) ?>
</section>
<section aria-labelledby="pub-h">
<h2 id="pub-h"><?cs var:L.about.publications ?></h2>
<?cs call:items(Publications) ?>
</section>

<?cs if:subcount(Network) ?>
<section aria-labelledby="net-h">
<h2 id="net-h"><?cs var:L.about.network ?><?cs call:as_of(Network.0.src_year) ?></h2>
<?cs call:items(Network) ?>
</section>
<?cs /if ?>

<section aria-labelledby="com-h">
<h2 id="com-h"><?cs var:L.about.committees ?></h2>
<dl class="committees">
<?cs each:c = Committees ?><dt><a href="/committees/<?cs var:url_escape(c.slug) ?>"><?cs call:loc(c.name_ko, c.name_en) ?></a><?cs if:c.name_en ?> <?cs if:Page.Lang == "ko" ?><span class="en" lang="en">(<?cs var:c.name_en ?>)</span><?cs else ?><span class="en" lang="ko">(<?cs var:c.name_ko ?>)</span><?cs /if ?><?cs call:en_mark(c.name_en_derived) ?><?cs /if ?></dt>
<dd><?cs call:fact_loc(c.purpose, c.purpose_en) ?><?cs call:tr_mark(c.texts_en_derived, c.purpose_en) ?></dd>
<?cs /each ?></dl>
</section>

<section aria-labelledby="src-h">
<h2 id="src-h"><?cs var:L.about.sources ?></h2>
<ul>
<?cs each:s = Sources ?><li><?cs call:ko(s.outlet) ?>, 「<?cs call:ko(s.title) ?>」<?cs if:s.author ?>, <?cs call:ko(s.author) ?><?cs /if ?><?cs if:s.published_on ?>, <?cs var:s.published_on ?><?cs /if ?></li>
<?cs /each ?></ul>
</section>
<?cs include:"footer.cs" ?>
