<?cs # footer.cs - the bottom of every page: the association's name and address. ?>
</div>
</main>
<footer class="site">
<div class="wrap">
<p><strong><?cs if:Site.Name ?><?cs call:loc(Site.Name, Site.NameEn) ?><?cs else ?><?cs var:L.site.name ?><?cs /if ?></strong></p>
<?cs if:Site.Address ?><p><?cs var:L.footer.address ?>: <?cs call:loc(Site.Address, Site.AddressEn) ?></p><?cs /if ?>
</div>
</footer>
</body>
</html>
