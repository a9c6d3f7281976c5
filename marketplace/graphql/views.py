from graphene_django.views import GraphQLView


class MarketplaceGraphQLView(GraphQLView):
    pass
