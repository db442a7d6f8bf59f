// The Azure Bot registration: the bot's identity is the user-assigned managed identity (no app password),
// its messaging endpoint is the web app's /api/messages, and the Microsoft Teams channel is enabled.

@maxLength(64)
@description('Resource name of the Azure Bot (letters, digits, hyphens, underscores, periods).')
param botServiceName string

@maxLength(42)
@description('Name of the bot shown in the Azure portal and the Bot Framework.')
param botDisplayName string

@description('Azure Bot pricing tier (F0 or S1).')
param botServiceSku string

@description('Client id of the user-assigned managed identity; this is the bot id (BOT_ID, MicrosoftAppId).')
param identityClientId string

@description('Resource id of the user-assigned managed identity.')
param identityResourceId string

@description('Microsoft Entra tenant of the managed identity.')
param identityTenantId string

@description('Host name of the web app that serves /api/messages, without https://.')
param botAppDomain string

@description('Tags put on the bot registration.')
param tags object

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botServiceName string = botService.name
output botServiceId string = botService.id
