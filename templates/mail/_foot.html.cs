<hr style="border:0;border-top:1px solid #ccc;margin:2em 0 1em">
<p style="font-size:0.9em;color:#555"><?cs var:L.mail.foot.auto ?></p>
<?cs if:Mail.unsubscribe_url ?>
<p style="font-size:0.9em;color:#555"><?cs var:L.mail.foot.why ?>
<a href="<?cs var:Mail.unsubscribe_url ?>"><?cs var:L.mail.foot.unsubscribe ?></a></p>
<?cs /if ?>
</div>
</body>
</html>
