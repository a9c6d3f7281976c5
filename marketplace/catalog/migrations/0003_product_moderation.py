from django.db import migrations, models


class Migration(migrations.Migration):
    """Listing review: every existing product stays public (approved)."""

    dependencies = [
        ("catalog", "0002_thumbnail_booth_thumbnail_uniq_booth_thumbnail"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="moderation_reason",
            field=models.TextField(
                blank=True, editable=False, verbose_name="reason given by staff"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="moderation_status",
            field=models.CharField(
                choices=[
                    ("pending", "Waiting for review"),
                    ("approved", "Approved"),
                    ("rejected", "Rejected"),
                ],
                default="approved",
                editable=False,
                max_length=16,
                verbose_name="review",
            ),
        ),
    ]
