<?cs # home.cs - the association in brief, the 19 members, key figures. ?>
<?cs set:Page.Title = L.home.title ?>
<?cs include:"header.cs" ?>
<?cs include:"source_marks.cs" ?>
<h1><?cs var:L.home.heading ?></h1>
<section class="intro" aria-labelledby="intro-h">
<h2 id="intro-h"><?cs var:Assoc.name_ko ?><?cs if:Assoc.name_en ?> <span class="en" lang="en">(<?cs var:Assoc.name_en ?>)</span><?cs call:en_mark(Assoc.name_en_derived) ?><?cs /if ?></h2>
<?cs if:Assoc.legal_form ?><p class="meta"><?cs var:Assoc.legal_form ?></p><?cs /if ?>
<?cs if:Assoc.summary ?><p><?cs var:Assoc.summary ?><?cs call:as_of(Assoc.src_year) ?></p><?cs /if ?>
<p><a href="/about"><?cs var:L.home.more_about ?></a></p>
</section>

<section aria-labelledby="members-h">
<h2 id="members-h"><?cs var:L.home.members ?></h2>
<p><?cs var:MemberCount ?><?cs var:L.home.members_count ?></p>
<ul class="tiles">
<?cs each:m = Members ?><li><a href="/members/<?cs var:url_escape(m.slug) ?>"><span class="tile-name"><?cs var:m.name_ko ?></span> <span class="tile-meta"><?cs var:m.region ?></span></a></li>
<?cs /each ?></ul>
<p><a href="/members"><?cs var:L.home.all_members ?></a></p>
</section>

<?cs if:subcount(Figures) ?>
<section aria-labelledby="figures-h">
<h2 id="figures-h"><?cs var:L.home.figures ?></h2>
<div class="table-wrap">
<table>
<caption><?cs var:L.home.figures_caption ?></caption>
<thead><tr><th scope="col"><?cs var:L.home.year ?></th><th scope="col"><?cs var:L.home.companies ?></th><th scope="col"><?cs var:L.home.employees ?></th><th scope="col"><?cs var:L.home.revenue ?></th></tr></thead>
<tbody>
<?cs each:f = Figures ?><tr><th scope="row"><?cs var:f.year ?></th><td class="num"><?cs call:fact(f.companies) ?></td><td class="num"><?cs call:fact(f.employees) ?></td><td class="num"><?cs call:fact(f.revenue) ?></td></tr>
<?cs /each ?></tbody>
</table>
</div>
<p><a href="/stats"><?cs var:L.stats.link ?></a></p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
